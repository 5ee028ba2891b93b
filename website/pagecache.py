"""
A page cache for anonymous readers that is never stale after an edit.

Every cached copy records the content version it was rendered in (``core.contentversion``),
which ends with any change to content, and is served only while that version is current. Here
is how a request becomes a key: one per page (address and the parameters it reads, and the
release, ``contentversion.release``, so that a deploy starts afresh) and encoding, so a hit
reads the version and the copy together in one round trip to the cache, and a new copy replaces
the old version's rather than sitting beside it until it expires.
"""

import hashlib

from django.urls import Resolver404, resolve
from django.utils.http import urlencode

from core import contentversion
from guidance.models import Nation


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
    # /help/ reads ``nation`` only to send old links on to /help/<nation>/ (or a 404 for an
    # unknown one); those answers are not cached, but must not be mistaken for /help/ either.
    "guidance:help": {"nation": _as_given},
    # The search box shows ``q`` exactly as sent, so it is not tidied here.
    "search:search": {"q": _as_given, "nation": _known_nation, "spell": _spell},
    "sitemap": {"p": _sitemap_page},
    # A leaflet shows the urgent lines of ``nation``; an unknown one gives the UK-wide lines.
    "sharing:article_leaflet": {"nation": _known_nation},
    "sharing:tip_page_leaflet": {"nation": _known_nation},
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


def page_key(request):
    """The page's key, without its encoding. Raises ``DisallowedHost`` for a host not in
    ALLOWED_HOSTS: pages name their own address, so each host has its own copy."""
    address = f"{request.scheme}://{request.get_host()}{request.path}?{page_parameters(request)}"
    # The release too: a page kept by the code before a deploy names its static files.
    address = f"{contentversion.release()} {address}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"pagecache:page:{digest}"


def copy_key(page, encoding):
    """Where the copy of ``page`` in ``encoding`` ("br", "gzip", or "" uncompressed) is kept."""
    return f"{page}:{encoding or 'identity'}"


def render_lock_key(page, version):
    """The lock held by the one worker rendering ``page`` in ``version`` (see the middleware)."""
    return f"pagecache:rendering:{version['token']}:{page}"
