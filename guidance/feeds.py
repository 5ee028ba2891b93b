from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from tips.models import TipPage

from .models import Article

FEED_LENGTH = 20


class LatestFeed(Feed):
    """The newest articles and tip pages, as an Atom feed."""

    feed_type = Atom1Feed
    link = reverse_lazy("guidance:home")
    subtitle = _("New and updated guidance for parents of babies.")

    def title(self):
        return settings.SITE_NAME

    def items(self):
        articles = Article.objects.published().order_by("-published_at")[:FEED_LENGTH]
        tip_pages = TipPage.objects.published().order_by("-published_at")[:FEED_LENGTH]
        items = sorted([*articles, *tip_pages], key=lambda item: item.published_at, reverse=True)
        return items[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, "summary", None) or item.intro

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
