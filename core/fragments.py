"""
Rendered parts of public pages, kept in the cache until the content changes.

A page the page cache cannot answer (it is off, the page was just changed, or it has expired)
still rarely needs every part rendered afresh: an article's text, sources and signposting are the
same for every reader until an editor changes something. Each part is filed under the current
content version (``core.contentversion``), which ends with any change to any content (and at
each scheduled publish time, and the day a review falls due), so a part is never older than the
content it shows; and under the release (``contentversion.release``), so a part is never older
than the code that renders it either. Only public views use this: a staff preview renders
everything itself, so a draft is never stored where a parent's request could find it.
"""

import copy
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import contentversion

# The HTML stored under a key never changes (the key holds the content version, and a new
# version makes new keys), so each process also keeps the parts it read or rendered last, as the
# page cache keeps its copies (config/cachedpages.py): a part used again costs no cache read.
# Cleared when full; at most a few MB.
KEPT = 200
_kept = {}
# The longest key kept as it is (with Django's prefix and version, under memcached's 250).
LONGEST_KEY = 200


def _read(key):
    if (found := _kept.get(key)) is None and (found := cache.get(key)) is not None:
        _keep(key, found)
    return found


def _store(key, found):
    cache.set(key, found, settings.PAGE_CACHE_SECONDS)
    _keep(key, found)


def _keep(key, found):
    if len(_kept) >= KEPT:
        _kept.clear()
    _kept[key] = found


def _key(request, kind, name, parts):
    # One page may hold several parts: read the version, the host and the language once for
    # all.
    if (found := getattr(request, "_fragments_token", None)) is None:
        found = request._fragments_token = (
            f"{contentversion.content_version()['token']}-{contentversion.release()}",
            request.get_host(),
            get_language() or "",
        )
    token, host, language = found
    key = ":".join((kind, token, name, language, host, *(str(part) for part in parts)))
    if len(key) > LONGEST_KEY:
        # Caches may refuse a long key (memcached's limit is 250 characters); a long slug or
        # query is kept under its digest instead.
        key = f"{kind}:{token}:{name}:{hashlib.sha256(key.encode()).hexdigest()}"
    return key


def cached(request, name, *parts, render):
    """The HTML of the part ``name`` for ``parts`` (e.g. a page's id and version), from the
    cache or from ``render()``, which is called only when the cache does not have it.

    The key holds the host as well, since parts may show links with it (a short link to share).
    """
    key = _key(request, "fragment", name, parts)
    if (html := _read(key)) is None:
        html = str(render())
        _store(key, html)
    # It is our own template's output, escaped as it was rendered.
    return mark_safe(html)


def has(request, name, *parts):
    """Is the part ``name`` for ``parts`` kept? (Read now, so using it next costs nothing.)"""
    return _read(_key(request, "fragment", name, parts)) is not None


def value(request, name, *parts, compute=None):
    """Like ``cached``, for data rather than HTML: what ``compute()`` returns (anything the
    cache can store; ``None`` too), kept until any content changes. For the few small facts a
    page needs besides its cached parts, such as the stages a list can be filtered by or how
    many pages a list has. With no ``compute``, the value if it is kept, else ``None``.

    The process keeps what it read (a value under a key never changes either), and each request
    gets a shallow copy of it: a list of its own, holding the same objects as every other
    request's, which views only read (unpickling a list of model objects on every request cost
    more than the rest of a list page's view)."""
    key = _key(request, "value", name, parts)
    if (kept := _kept.get(key)) is None:
        if (kept := cache.get(key)) is None:
            if compute is None:
                return None
            kept = (compute(),)
            cache.set(key, kept, settings.PAGE_CACHE_SECONDS)
        _keep(key, kept)
    return copy.copy(kept[0])


def lazy(function):
    """``function()``'s value, worked out the first time a template uses it, and never when the
    part that shows it comes from the cache: a view hands its queries over this way so that
    they run only when the part has to be rendered."""
    return SimpleLazyObject(function)
