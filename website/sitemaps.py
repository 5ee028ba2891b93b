"""The sitemap: the fixed pages, then every published page of each kind listed in it."""

import functools
from collections.abc import Mapping

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core import kinds
from guidance.models import Nation


class PublishedSitemap(Sitemap):
    model = None

    def items(self):
        # Only what a sitemap entry shows: with thousands of pages, loading every body costs more
        # than the rest of the sitemap together.
        return self.model.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class FixedPagesSitemap(Sitemap):
    """The home page and the page that lists each kind (the help page lists resources)."""

    def items(self):
        return ["home", *(kind.list_url_name for kind in kinds.all_kinds() if kind.list_url_name)]

    def location(self, item):
        return reverse(item)


@functools.cache
def sitemap_for(model):
    """One sitemap class per model, made once."""
    return type(f"{model.__name__}Sitemap", (PublishedSitemap,), {"model": model})


class NationHelpSitemap(Sitemap):
    """The help page of each UK nation."""

    def items(self):
        return list(Nation)

    def location(self, item):
        return reverse("guidance:help_nation", args=[item.value])


class Sitemaps(Mapping):
    """Section name -> sitemap, read from the registry each time, so every kind is included."""

    def _sections(self):
        sections = {"fixed": FixedPagesSitemap, "help": NationHelpSitemap}
        for kind in kinds.where(in_sitemap=True):
            sections[kind.name] = sitemap_for(kind.model)
        return sections

    def __getitem__(self, name):
        return self._sections()[name]

    def __iter__(self):
        return iter(self._sections())

    def __len__(self):
        return len(self._sections())
