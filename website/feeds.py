"""
The Atom feed at /feed/: the newest pages of every kind registered with ``in_feed``.

Each entry's id is a tag: URI (RFC 4151) made from the kind's name and the row's id, such as
``tag:littlevoices.example.org,2026:article/12``, not from the page's address: a feed reader
that has seen an entry keeps knowing it after an editor renames the page. The authority is the
host name of ``DJANGO_SITE_URL`` (``settings.SITE_URL``), which is the same for every request
however the visitor reached the site; the date is the fixed ``TAG_DATE``. Changing either gives
every entry a new id, and readers show the whole feed again as new (docs/sharing.md).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core import kinds

from .models import SiteSettings

FEED_LENGTH = 20
# Part of every entry's id, so it never changes (RFC 4151 asks for a date on which the site's
# owner held the host name; the year this software first gave out ids is used everywhere).
TAG_DATE = "2026"


def tag_authority():
    """The host name in every id: the site's configured public address, never a request's."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def tag_uri(specific):
    """``tag:<host>,<date>:<specific>``, e.g. ``tag:example.org,2026:article/12``."""
    return f"tag:{tag_authority()},{TAG_DATE}:{specific}"


def entry_id(item):
    """An entry's permanent id: its kind and row id, whatever its slug or title."""
    return tag_uri(f"{kinds.for_model(item).name}/{item.pk}")


def last_changed(item):
    """When a page last changed for a reader: saved after it went live, or else when it did
    (a scheduled page saved before its publish time is new at that time)."""
    return max(item.updated_at, item.published_at)


class LatestFeed(Feed):
    """The newest pages of every kind in the feed (articles, tip pages), as an Atom feed."""

    feed_type = Atom1Feed
    link = reverse_lazy("home")
    subtitle = _("New and updated guidance for parents of babies.")

    def title(self):
        return SiteSettings.current().name

    def author_name(self):
        # Atom asks for an author; the charity writes every page.
        return SiteSettings.current().name

    def feed_guid(self):
        return tag_uri("feed")

    def items(self):
        # One query a kind, without the long texts the feed never shows.
        items = [
            item
            for kind in kinds.where(in_feed=True)
            for item in kind.model.objects.published()
            .for_lists()
            .order_by("-published_at")[:FEED_LENGTH]
        ]
        items.sort(key=lambda item: item.published_at, reverse=True)
        return items[:FEED_LENGTH]

    def item_title(self, item):
        return getattr(item, kinds.for_model(item).title_field)

    def item_description(self, item):
        return getattr(item, kinds.for_model(item).summary_field)

    def item_guid(self, item):
        return entry_id(item)

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return last_changed(item)
