from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core import kinds

from .models import SiteSettings

FEED_LENGTH = 20


class LatestFeed(Feed):
    """The newest pages of every kind in the feed (articles, tip pages), as an Atom feed."""

    feed_type = Atom1Feed
    link = reverse_lazy("home")
    subtitle = _("New and updated guidance for parents of babies.")

    def title(self):
        return SiteSettings.current().name

    def items(self):
        items = [
            item
            for kind in kinds.where(in_feed=True)
            for item in kind.model.objects.published().order_by("-published_at")[:FEED_LENGTH]
        ]
        items.sort(key=lambda item: item.published_at, reverse=True)
        return items[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, kinds.for_model(item).summary_field)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
