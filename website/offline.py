"""Working offline, and installing the site like an app (docs/offline-and-print.md).

Three addresses: the web app manifest (``/manifest.webmanifest``), our service worker
(``/sw.js``, at the site root so that it may answer for every page) and the page it shows when
there is no connection and the page asked for is not saved (``/offline/``). static/js/offline.js
registers the worker once a page has loaded, and lists the saved pages on the offline page.
"""

import hashlib
import json

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from core import fragments
from guidance.models import Nation, Resource, Urgency
from guidance.nations import urgent_lines

from .models import SiteSettings

# The light scheme's colours (base.html names the dark ones for the browser's own bar).
THEME_COLOR = "#f6f3ee"
BACKGROUND_COLOR = "#f6f3ee"
# What every page needs to show offline as it does online: the stylesheet, every script of ours
# (static/js/), and the icons.
STATIC_FILES = [
    "css/site.css",
    *sorted(f"js/{path.name}" for path in (settings.BASE_DIR / "static" / "js").glob("*.js")),
    "img/icon.svg",
    "img/icon-192.png",
    "img/icon-512.png",
    "img/icon-maskable-512.png",
]
ICONS = [
    ("img/icon-192.png", "192x192", "any"),
    ("img/icon-512.png", "512x512", "any"),
    ("img/icon-maskable-512.png", "512x512", "maskable"),
]
# The cache of pages a parent has read. Its name stays the same from one version of the worker
# to the next, so a new version keeps them; change the number if what is stored there changes.
PAGES_CACHE = "lv-pages-1"
# How many read pages are kept, the newest; the oldest go first.
KEEP_PAGES = 30
# A page with a query string is kept only when every parameter is one of these (the guidance
# list's filters and page). Never search words: what a parent searched for stays off the phone.
KEPT_PARAMETERS = ["stage", "topic", "page"]
# How long a page may take on a weak signal before its saved copy is shown instead (the network's
# answer, when it comes, still refreshes the copy for next time).
WAIT_MS = 4000
VERSION_PLACEHOLDER = "__LITTLE_VOICES_VERSION__"


def _urgent_part(request):
    """The urgent lines of every nation, as the offline page shows them (from the fragment
    cache until any content changes)."""

    def render_part():
        resources = Resource.objects.published().filter(urgency__lte=Urgency.TODAY)
        return render_to_string(
            "includes/urgent_by_nation.html", {"urgent": urgent_lines(resources)}, request
        )

    return fragments.cached(request, "offline-urgent", render=render_part)


def offline_page(request):
    """``/offline/``: calm words, the urgent numbers, and (with JavaScript) the saved pages.
    Template: ``website/offline.html``; context: ``urgent_part``, ``nations``, ``pages_cache``."""
    context = {"urgent_part": _urgent_part(request), "nations": Nation, "pages_cache": PAGES_CACHE}
    return render(request, "website/offline.html", context)


def precached_pages():
    """The pages every installed worker keeps: the offline page and every help page."""
    return [
        reverse("offline"),
        reverse("guidance:help"),
        *(reverse("guidance:help_nation", kwargs={"nation": nation}) for nation in Nation.values),
    ]


def _static_digest(urls):
    """Where static names carry no hash of their content (development, tests), a hash of the
    files themselves, so that the worker's version still changes when one of them does."""
    digest = hashlib.sha256()
    for name, url in zip(STATIC_FILES, urls, strict=True):
        if url.endswith(name) and (found := finders.find(name)):
            with open(found, "rb") as file:
                digest.update(file.read())
    return digest.hexdigest()[:16]


def worker_settings(request):
    """What the worker is told: what to keep, what never to touch, and how long to wait."""
    static_urls = [static(name) for name in STATIC_FILES]
    return {
        "precache": precached_pages() + static_urls,
        "offline": reverse("offline"),
        "never": [reverse("admin:index")],
        "static": settings.STATIC_URL,
        "pages": PAGES_CACHE,
        "keep": KEEP_PAGES,
        "parameters": KEPT_PARAMETERS,
        "wait": WAIT_MS,
        # Not read by the worker: they change its text, and so its version.
        "files": _static_digest(static_urls),
        "help": hashlib.sha256(str(_urgent_part(request)).encode()).hexdigest()[:16],
    }


def service_worker(request):
    """``/sw.js``, rendered from ``website/sw.js``. Its version is a hash of its own text, which
    lists the hashed names of the files it keeps and a hash of the urgent lines the offline page
    shows: a deploy that changes any of them, or the worker itself, makes a new version, which
    browsers find because they may keep this file only if they ask again first (no-cache)."""
    config = json.dumps(worker_settings(request), indent=1, sort_keys=True)
    body = render_to_string("website/sw.js", {"config": config, "version": VERSION_PLACEHOLDER})
    version = hashlib.sha256(body.encode()).hexdigest()[:16]
    response = HttpResponse(
        body.replace(VERSION_PLACEHOLDER, version), content_type="text/javascript; charset=utf-8"
    )
    response["Cache-Control"] = "no-cache"
    response["ETag"] = f'"{version}"'
    return response


def manifest(request):
    """``/manifest.webmanifest``: the name, colours and icons a phone uses when the site is added
    to its home screen."""
    name = SiteSettings.current().name
    data = {
        "name": name,
        "short_name": name,
        "description": _(
            "Calm, trustworthy guidance on your baby's feelings and wellbeing, and where to get "
            "help fast."
        ),
        "lang": "en-GB",
        "id": reverse("home"),
        "start_url": reverse("home"),
        "scope": reverse("home"),
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {"src": static(name), "sizes": sizes, "type": "image/png", "purpose": purpose}
            for name, sizes, purpose in ICONS
        ],
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1), content_type="application/manifest+json"
    )
    response["Cache-Control"] = f"public, max-age={settings.PAGE_MAX_AGE}"
    return response
