"""
The sitemap: the fixed pages, then every published page of each kind listed in it.

Every address carries a ``lastmod``. A content page's is when it last changed (saved after it
went live, or else when it went live). A page that lists others (the home page, each kind's list
page, the help pages) takes the latest change among what it lists, worked out with one aggregate
query per kind that has a list page and one for all the nations' help pages, so the sitemap costs
the same number of queries however much content there is. Taking a page away does not move its
list's ``lastmod``: that would need the page's history, which costs more than it is worth to a
search engine.
"""

import functools
from collections.abc import Mapping

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.urls import reverse
from django.utils.functional import cached_property

from core import kinds
from guidance.models import Nation, Resource


def last_changed(updated_at, published_at):
    """The later of the two times; either may be missing (nothing published yet)."""
    return max((time for time in (updated_at, published_at) if time), default=None)


def latest_change(queryset):
    """When anything in ``queryset`` last changed, in one query (``None`` if it is empty)."""
    found = queryset.aggregate(updated=Max("updated_at"), published=Max("published_at"))
    return last_changed(found["updated"], found["published"])


class PublishedSitemap(Sitemap):
    model = None

    def items(self):
        # Only what a sitemap entry shows: with thousands of pages, loading every body costs more
        # than the rest of the sitemap together.
        return (
            self.model.objects.published().only("slug", "updated_at", "published_at").order_by("pk")
        )

    def lastmod(self, item):
        return last_changed(item.updated_at, item.published_at)


class FixedPagesSitemap(Sitemap):
    """The home page and the page that lists each kind (the help page lists resources)."""

    def items(self):
        listed = (kind.list_url_name for kind in kinds.all_kinds() if kind.list_url_name)
        return list(dict.fromkeys(["home", *listed]))

    def location(self, item):
        return reverse(item)

    @cached_property
    def changed(self):
        """URL name -> when what that page lists last changed: one query a kind with a list
        page; the home page shows some of everything, so it takes the latest of them all."""
        changed = {}
        for kind in kinds.all_kinds():
            if kind.list_url_name:
                changed[kind.list_url_name] = last_changed(
                    changed.get(kind.list_url_name),
                    latest_change(kind.model.objects.published()),
                )
        changed["home"] = max(filter(None, changed.values()), default=None)
        return changed

    def lastmod(self, item):
        return self.changed.get(item)


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

    @cached_property
    def changed(self):
        """Nation -> when the resources its help page lists last changed, in one query."""
        serving = {nation: Q(**{nation.field_name: True}) for nation in Nation}
        found = Resource.objects.published().aggregate(
            **{
                f"{nation.field_name}_{field}": Max(f"{field}_at", filter=serves)
                for nation, serves in serving.items()
                for field in ("updated", "published")
            }
        )
        return {
            nation: last_changed(
                found[f"{nation.field_name}_updated"], found[f"{nation.field_name}_published"]
            )
            for nation in Nation
        }

    def lastmod(self, item):
        return self.changed[item]


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
