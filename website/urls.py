from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.generic import TemplateView

from core import kinds

from . import offline, views
from .feeds import LatestFeed
from .sitemaps import Sitemaps


def short_links():
    """``/a/<id>/`` for articles, ``/t/<id>/`` for tip pages: every kind with a letter."""
    return [
        path(
            f"{kind.short_link}/<int:pk>/",
            views.short_link,
            {"kind": kind.name},
            name=f"{kind.name}_short",
        )
        for kind in kinds.all_kinds()
        if kind.short_link
    ]


urlpatterns = [
    path("", views.home, name="home"),
    path("sitemap.xml", sitemap, {"sitemaps": Sitemaps()}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("feed/", LatestFeed(), name="feed"),
    path("contact/", views.contact, name="contact"),
    path("offline/", offline.offline_page, name="offline"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    *short_links(),
]
