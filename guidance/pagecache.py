"""
A page cache for anonymous readers that is never stale after an edit.

Every cached page is filed under the current *content version*. Any change to content (save,
delete, or a change of links, in any app) throws the version away once its transaction commits,
so the next request renders afresh. A page scheduled to go live also ends the version at its
publish time, so scheduled content appears on time with no background worker.

The version lives in Django's cache, which all app servers share when it is Redis (or, on one
machine, the file cache), so an editor's change reaches every worker at once.
"""

import hashlib
import uuid

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.http import urlencode

from .models import Nation, Status

VERSION_KEY = "pagecache:version"

# Models whose published rows can be scheduled, and so end a content version on their own.
SCHEDULABLE_MODELS = ("guidance.Article", "guidance.Resource", "guidance.Page", "tips.TipPage")


def content_version():
    """The current version: ``{"token", "changed_at", "next_change"}``, made anew if needed."""
    version = cache.get(VERSION_KEY)
    now = timezone.now()
    if version is None or (version["next_change"] and now >= version["next_change"]):
        version = {
            "token": uuid.uuid4().hex,
            "changed_at": now,
            "next_change": next_scheduled_publish(now),
        }
        cache.set(VERSION_KEY, version, None)
    return version


def next_scheduled_publish(now):
    """The earliest publish time still to come, over every schedulable model, or ``None``."""
    times = []
    for label in SCHEDULABLE_MODELS:
        model = apps.get_model(label)
        upcoming = model.objects.filter(status=Status.PUBLISHED, published_at__gt=now).aggregate(
            first=Min("published_at")
        )["first"]
        if upcoming:
            times.append(upcoming)
    return min(times, default=None)


def invalidate():
    """Forget the content version once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: cache.delete(VERSION_KEY))


def _as_given(value):
    return value or None  # the views treat an empty value as no value


def _page_number(value):
    """``?page=`` as ``Paginator.get_page`` reads it: not a number is page 1, below 1 the last."""
    try:
        number = int(value)
    except ValueError:
        return None
    return None if number == 1 else str(max(number, 0))


def _sitemap_page(value):
    """``?p=`` as the sitemap view reads it: a number, or anything else (a 404) kept as it is."""
    try:
        number = int(value)
    except ValueError:
        return value
    return None if number == 1 else str(number)


def _known_nation(value):
    return value if value in Nation.values else None  # search ignores an unknown nation


def _spell(value):
    return "off" if value == "off" else None  # search corrects spelling unless told "off"


# The query parameters each page reads, by URL name, and how each value is put in the cache key.
# Any other parameter (utm_source, a random "?x=...") cannot change the page, so it does not change
# the key either: otherwise anyone could make the server render the whole sitemap on every request.
# Two values share a key only when the view gives the same page for both (None: the same page as
# without the parameter); a view that starts reading a new parameter must be added here.
PAGE_PARAMETERS = {
    "guidance:article_list": {"stage": _as_given, "topic": _as_given, "page": _page_number},
    "guidance:help": {"nation": _as_given},
    # The search box shows ``q`` exactly as sent, so it is not tidied here.
    "search:search": {"q": _as_given, "nation": _known_nation, "spell": _spell},
    "sitemap": {"p": _sitemap_page},
}


def page_parameters(request):
    """The query parameters ``request``'s page reads, normalised and sorted, as a query string."""
    if not request.META.get("QUERY_STRING"):
        return ""
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return ""
    # Only now is the query string parsed: a page that reads none never refuses a huge one.
    if not (readers := PAGE_PARAMETERS.get(match.view_name)):
        return ""
    pairs = []
    for name, normalise in sorted(readers.items()):
        # The views read request.GET.get(), which is the last of repeated values.
        if name in request.GET and (value := normalise(request.GET[name])) is not None:
            pairs.append((name, value))
    return urlencode(pairs)


def page_key(version, request):
    # get_host() refuses a host not in ALLOWED_HOSTS (400) before anything is served, and
    # pages name their own address, so each host has its own copy.
    address = f"{request.scheme}://{request.get_host()}{request.path}?{page_parameters(request)}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"pagecache:page:{version['token']}:{digest}"
