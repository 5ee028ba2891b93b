from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    """The public site's plumbing: home page, short links, feed, sitemap, caching, errors."""

    name = "website"
    verbose_name = _("Website")
