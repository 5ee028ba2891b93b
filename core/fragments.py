"""
Rendered parts of public pages, kept in the cache until the content changes.

A page the page cache cannot answer (it is off, the page was just changed, or it has expired)
still rarely needs every part rendered afresh: an article's text, sources and signposting are the
same for every reader until an editor changes something. Each part is filed under the current
content version (``core.contentversion``), which ends with any change to any content (and at
each scheduled publish time, and the day a review falls due), so a part is never older than the
content it shows. Only public views use this: a staff preview renders everything itself, so a
draft is never stored where a parent's request could find it.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import contentversion


def cached(request, name, *parts, render):
    """The HTML of the part ``name`` for ``parts`` (e.g. a page's id and version), from the
    cache or from ``render()``, which is called only when the cache does not have it.

    The key holds the host as well, since parts may show links with it (a short link to share).
    """
    # One page may hold several parts: read the version once for all of them.
    if (token := getattr(request, "_fragments_token", None)) is None:
        token = request._fragments_token = contentversion.content_version()["token"]
    key = ":".join(
        (
            "fragment",
            token,
            name,
            get_language() or "",
            request.get_host(),
            *(str(part) for part in parts),
        )
    )
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, settings.PAGE_CACHE_SECONDS)
    # It is our own template's output, escaped as it was rendered.
    return mark_safe(html)
