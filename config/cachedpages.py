"""
Stored public pages answered before Django's request handling starts.

A hit of the page cache (``website.middleware.PublicPageCacheMiddleware``) needs none of what
Django does around a view: request signals, the middleware chain, building a response object.
This WSGI wrapper answers the plainest hits itself, an anonymous GET or HEAD with no
revalidation, from the same stored copy, with the same headers (security headers were
stored with it), its own request id and the same log line. Anything else, and any doubt (a
session cookie, a host Django would refuse, a version that has ended), goes to Django as before,
where the middleware answers it.
"""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.core.handlers.wsgi import WSGIRequest
from django.urls import reverse

from core import contentversion
from core.logging import request_id_var
from website import compression, pagecache
from website.middleware import ANSWERED_HEADER

from .middleware import HEALTH_PATH, REQUEST_ID_HEADER, REQUEST_ID_META, SAFE_REQUEST_ID

logger = logging.getLogger("littlevoices.request")
# Revalidations are left to the middleware, which answers them with a 304.
LEFT_TO_DJANGO = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
# How many stored copies each worker keeps in memory (pages times encodings; a few MB).
COPIES_KEPT = 300
# The request's parts that decide its page key (``pagecache.page_key``): what Django reads for
# ``request.scheme``, ``get_host()``, ``path`` and the query string. The scheme's proxy header
# (``SECURE_PROXY_SSL_HEADER``) is added to them when it is set.
KEY_INPUTS = (
    "wsgi.url_scheme",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_HOST",
    "SERVER_NAME",
    "SERVER_PORT",
    "SCRIPT_NAME",
    "SCRIPT_URL",
    "REDIRECT_URL",
    "PATH_INFO",
    "QUERY_STRING",
)
# Each worker remembers the page key of this many recent requests (oldest forgotten first), so a
# repeated request (above all one with a query string, whose key needs the URL resolved and the
# parameters read) does not work it out again; requests longer than KEY_MEMO_LONGEST characters
# are never remembered, which bounds the memory to a few megabytes.
KEY_MEMO_SIZE = 2000
KEY_MEMO_LONGEST = 500
# Remembered for a request whose key Django must decide (a host it refuses, a query too big).
REFUSED = object()


class CachedPages:
    """Wraps the WSGI application; see the module's docstring."""

    def __init__(self, application):
        self.application = application
        self._not_pages = None
        self._copies = {}
        self._keys = {}
        self._key_inputs = None

    def not_pages(self):
        """Paths that are never public pages (read once the URLs can be reversed)."""
        if self._not_pages is None:
            local_files = (settings.STATIC_URL, settings.MEDIA_URL)
            self._not_pages = (
                reverse("admin:index"),
                HEALTH_PATH,
                *(url for url in local_files if url.startswith("/")),
            )
        return self._not_pages

    def key_inputs(self):
        """The names in ``environ`` that decide a page key (read once the settings are)."""
        if self._key_inputs is None:
            proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
            self._key_inputs = KEY_INPUTS + ((proxy_header[0],) if proxy_header else ())
        return self._key_inputs

    def page_key(self, environ):
        """``pagecache.page_key`` of this request, remembered per worker; ``REFUSED`` when
        Django must answer (a host it refuses, a query string too long to read)."""
        inputs = tuple(environ.get(name) for name in self.key_inputs())
        if (page := self._keys.get(inputs)) is not None:
            return page
        try:
            page = pagecache.page_key(WSGIRequest(environ))
        except (SuspiciousOperation, ValueError):
            page = REFUSED
        if sum(len(value) for value in inputs if isinstance(value, str)) <= KEY_MEMO_LONGEST:
            if len(self._keys) >= KEY_MEMO_SIZE:
                del self._keys[next(iter(self._keys))]
            self._keys[inputs] = page
        return page

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        copy = self.stored_copy(environ)
        if copy is None:
            return self.application(environ, start_response)
        _token, body, headers = copy
        incoming = environ.get(REQUEST_ID_META, "")
        request_id = incoming if SAFE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        start_response(
            "200 OK", [*headers, (ANSWERED_HEADER, "hit"), (REQUEST_ID_HEADER, request_id)]
        )
        if logger.isEnabledFor(logging.INFO):
            method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
            token = request_id_var.set(request_id)
            try:
                logger.info(
                    "%s %s %s",
                    method,
                    path,
                    200,
                    extra={
                        "method": method,
                        "path": path,
                        "status": 200,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    },
                )
            finally:
                request_id_var.reset(token)
        return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [body]

    def stored_copy(self, environ):
        """The stored copy to send for this request, or ``None`` to let Django answer."""
        if (
            not settings.PAGE_CACHE
            or environ.get("REQUEST_METHOD") not in ("GET", "HEAD")
            or any(environ.get(name) for name in LEFT_TO_DJANGO)
            or f"{settings.SESSION_COOKIE_NAME}=" in environ.get("HTTP_COOKIE", "")
            or environ.get("PATH_INFO", "").startswith(self.not_pages())
        ):
            return None
        page = self.page_key(environ)
        if page is REFUSED:
            return None
        key = pagecache.copy_key(page, compression.negotiate(environ.get("HTTP_ACCEPT_ENCODING")))
        version = cache.get(contentversion.VERSION_KEY)
        if not contentversion.is_current(version):
            return None
        # A copy never changes once stored (a new version gets new copies), so each worker keeps
        # the ones it served: a hit then reads only the small version record from the cache.
        copy = self._copies.get(key)
        if copy is None or copy[0] != version["token"]:
            copy = cache.get(key)
            if copy is None or copy[0] != version["token"]:
                return None
            if len(self._copies) >= COPIES_KEPT:
                self._copies.clear()
            self._copies[key] = copy
        return copy
