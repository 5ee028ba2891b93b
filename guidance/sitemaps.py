from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from tips.models import TipPage

from .models import Article, Page


class PublishedSitemap(Sitemap):
    model = None

    def items(self):
        # Only what a sitemap entry shows: with thousands of pages, loading every body costs more
        # than the rest of the sitemap together.
        return self.model.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class ArticleSitemap(PublishedSitemap):
    model = Article


class TipPageSitemap(PublishedSitemap):
    model = TipPage


class PageSitemap(PublishedSitemap):
    model = Page


class FixedPagesSitemap(Sitemap):
    def items(self):
        return ["guidance:home", "guidance:article_list", "tips:tip_page_list", "guidance:help"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "fixed": FixedPagesSitemap,
    "articles": ArticleSitemap,
    "tips": TipPageSitemap,
    "pages": PageSitemap,
}
