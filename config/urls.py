import re

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from bench import views as bench_views
from guidance import views as guidance_views
from website import media

urlpatterns = [
    # Staff: the two-step login pages, then the admin, under DJANGO_ADMIN_PATH (default admin/).
    path(f"{settings.ADMIN_PATH}account/", include("accounts.urls")),
    path(f"{settings.ADMIN_PATH}editorial/", include("editorial.urls")),
    path(settings.ADMIN_PATH, admin.site.urls),
    # Leaflets (/guidance/<slug>/leaflet/...), QR codes, share cards and packs (/p/<code>/).
    path("", include("sharing.urls")),
    # "Was this page helpful?": answers, the thank-you page and comments (/feedback/...).
    path("feedback/", include("feedback.urls")),
    path("tips/", include("tips.urls")),
    path("", include("website.urls")),
    path("", include("search.urls")),
    path("", include("guidance.urls")),
    # Simple pages (about, accessibility, privacy...) come last so they never hide a real URL.
    path("<slug:slug>/", guidance_views.page_detail, name="page"),
]

handler404 = "website.errors.page_not_found"
handler500 = "website.errors.server_error"

if settings.SERVE_MEDIA:
    # Uploaded pictures (only the images/ folder), for a site with no proxy serving MEDIA_ROOT.
    urlpatterns.insert(
        0,
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>images/.+)$",
            media.serve_media,
            name="media",
        ),
    )

if settings.BENCH_TRIVIAL_VIEW:
    # Only for `make bench`: the baseline every page is measured against (bench/README.md).
    urlpatterns.append(path("_bench/trivial/", bench_views.trivial, name="bench_trivial"))
