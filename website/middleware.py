"""Caching headers for every response, the server-side page cache for anonymous readers, and
the compression of what it serves."""

import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date, parse_http_date_safe

from core import contentversion
from guidance.models import Redirect

from . import compression, pagecache

CACHEABLE_TYPES = ("text/html", "application/xml", "application/atom+xml", "text/plain")
# Revalidations of a public page are answered here, from the copy's own ETag (one per encoding),
# so the stack below must render the page in full, to be stored, rather than answer a 304.
CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
# Headers each encoding's copy sets for itself.
ENCODING_HEADERS = {"content-length", "content-encoding", "etag"}
# Headers a 304 leaves out: it has no body.
BODY_HEADERS = {"content-type", "content-length", "content-encoding"}
# Says how a public page was answered: "hit" (a stored copy), "waited" (the copy another worker
# rendered meanwhile) or "miss" (rendered here). The load test counts renders by it.
ANSWERED_HEADER = "X-Page-Cache"
# Single flight: while one worker renders a page anew, the others asking for it wait this long
# at most for its copy, then render it themselves. The lock ends by itself if its worker dies.
RENDER_WAIT_SECONDS = 3.0
RENDER_LOCK_SECONDS = 30
FIRST_PAUSE, LONGEST_PAUSE = 0.002, 0.02


class PublicPageCacheMiddleware:
    """
    Public pages for anonymous readers (GET or HEAD, no session cookie, not the admin) get
    ``Cache-Control: public`` with a short max-age and ``stale-while-revalidate``, an ``ETag``,
    a ``Last-Modified`` (when content last changed) and ``Vary: Accept-Encoding``, and are sent
    compressed (Brotli or gzip) to a browser that accepts it.

    With ``settings.PAGE_CACHE`` on, each page is rendered once per content version and stored
    in every encoding, with all its headers, security headers included. This middleware comes
    near the top of the stack, so a stored copy is served (or a 304) from one read of the cache
    without running the rest. After a change, one worker renders each page while the others
    asking for it wait for its copy (no stampede); a copy is served only while the version it
    was rendered in is current, so an unpublished page is never served from the cache.

    Anyone with a session cookie (staff), and the admin, is never cached nor compressed.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # Static files and uploads are answered (and cached) by WhiteNoise and their own view.
        local_files = (settings.STATIC_URL, settings.MEDIA_URL)
        # The service worker is not a page either: it says itself how it is cached, and answers
        # a browser's If-None-Match with a 304 (website/offline.py).
        self.not_pages = (
            reverse("admin:index"),
            reverse("service_worker"),
            *(url for url in local_files if url.startswith("/")),
        )

    def __call__(self, request):
        if not self.is_anonymous_read(request):
            return self.private(self.get_response(request))
        encoding = compression.negotiate(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        if not settings.PAGE_CACHE:
            # Nothing is stored, so the page needs no key.
            return self.render(request, contentversion.content_version(), None, encoding)
        try:
            page = pagecache.page_key(request)
        except DisallowedHost:
            return self.get_response(request)  # which refuses the host, as for any request

        key = pagecache.copy_key(page, encoding)
        found = cache.get_many([contentversion.VERSION_KEY, key])
        version = found.get(contentversion.VERSION_KEY)
        if not contentversion.is_current(version):
            version = contentversion.renew(version)
        copy = found.get(key)
        if copy is not None and copy[0] == version["token"]:
            return self.serve(request, copy, "hit")

        lock = pagecache.render_lock_key(page, version)
        if cache.add(lock, True, RENDER_LOCK_SECONDS):
            try:
                return self.render(request, version, page, encoding)
            finally:
                cache.delete(lock)
        if (copy := self.wait_for(version, lock, key)) is not None:
            return self.serve(request, copy, "waited")
        return self.render(request, contentversion.content_version(), page, encoding)

    def is_anonymous_read(self, request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.not_pages)
        )

    @staticmethod
    def private(response):
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response

    @staticmethod
    def wait_for(version, lock, key):
        """
        The copy another worker is rendering, once it is stored; ``None`` if that worker stops
        without storing one (the page cannot be cached, a 404 say), if the version changes
        meanwhile (its copy may show what was just unpublished), or after RENDER_WAIT_SECONDS.
        """
        deadline = time.monotonic() + RENDER_WAIT_SECONDS
        pause = FIRST_PAUSE
        while time.monotonic() < deadline:
            time.sleep(pause)
            pause = min(pause * 2, LONGEST_PAUSE)
            # Read in this order: the lock is let go only after the copy is stored.
            found = cache.get_many([contentversion.VERSION_KEY, lock, key])
            current = found.get(contentversion.VERSION_KEY)
            if current is None or current["token"] != version["token"]:
                return None
            if (copy := found.get(key)) is not None and copy[0] == version["token"]:
                return copy
            if lock not in found:
                return None
        return None

    def render(self, request, version, page, encoding):
        """Run the rest of the stack; store a public page in every encoding, then serve it."""
        conditions = {
            name: request.META.pop(name) for name in CONDITIONAL_HEADERS if name in request.META
        }
        with contentversion.rendering_in(version):
            response = self.get_response(request)
        request.META.update(conditions)
        if not self.is_shareable(request, response):
            return self.private(response)

        response["Last-Modified"] = http_date(version["changed_at"].timestamp())
        # Set whole rather than patched: a shareable response has no Cache-Control of its own.
        response["Cache-Control"] = (
            f"public, max-age={settings.PAGE_MAX_AGE}, "
            f"stale-while-revalidate={settings.PAGE_STALE_WHILE_REVALIDATE}"
        )
        if response.has_header("Vary"):
            patch_vary_headers(response, ("Accept-Encoding",))
        else:
            response["Vary"] = "Accept-Encoding"
        if not response.has_header("ETag"):
            set_response_etag(response)
        if not settings.PAGE_CACHE:
            if encoding or any(name in request.META for name in CONDITIONAL_HEADERS):
                return self.serve(request, self.copy(version, response, encoding), "miss")
            # Sent as it is, as its copy would be (the same headers): no copy is made to store.
            response["Content-Length"] = str(len(response.content))
            response.headers[ANSWERED_HEADER] = "miss"
            return response
        copies = {each: self.copy(version, response, each) for each in ("", *compression.ENCODINGS)}
        cache.set_many(
            {pagecache.copy_key(page, each): copy for each, copy in copies.items()},
            settings.PAGE_CACHE_SECONDS,
        )
        return self.serve(request, copies[encoding], "miss")

    @staticmethod
    def is_shareable(request, response):
        """May this response be stored, served to anyone, and compressed? Only if it holds no
        secret: no cookie, no CSRF token (``get_token`` was never called)."""
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "CSRF_COOKIE_NEEDS_UPDATE" not in request.META
            and not response.has_header("Cache-Control")
            and not response.has_header("Content-Encoding")
            and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
        )

    @staticmethod
    def copy(version, response, encoding):
        """``(version token, body, headers)``: the page in ``encoding`` ("" uncompressed, which
        a small page always is)."""
        body = response.content
        headers = [item for item in response.items() if item[0].lower() not in ENCODING_HEADERS]
        if encoding and len(body) >= compression.MIN_SIZE:
            body = compression.compress(body, encoding)
            headers.append(("Content-Encoding", encoding))
            headers.append(("ETag", compression.encoded_etag(response["ETag"], encoding)))
        else:
            headers.append(("ETag", response["ETag"]))
        headers.append(("Content-Length", str(len(body))))
        return (version["token"], body, headers)

    @staticmethod
    def serve(request, copy, answered):
        """The stored copy, or a 304 when the browser's copy matches it."""
        _, body, headers = copy
        response = HttpResponse(body, headers=headers)
        response.headers[ANSWERED_HEADER] = answered
        if not any(name in request.META for name in CONDITIONAL_HEADERS):
            return response
        answer = get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response["Last-Modified"]),
            response=response,
        )
        if answer is not response:
            # As the full stack would: a 304 carries the security headers too.
            for name, value in response.items():
                if name.lower() not in BODY_HEADERS:
                    answer.headers.setdefault(name, value)
        return answer


def _storable(path):
    """Could ``path`` be a recorded old path? (PostgreSQL text cannot hold NUL: asking fails.)"""
    return "\x00" not in path and len(path) <= Redirect._meta.get_field("old_path").max_length


class RedirectFallbackMiddleware:
    """Where a page is not found, follow a recorded redirect (see ``Redirect``) if one exists."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or not _storable(request.path):
            return response
        redirect = Redirect.objects.filter(old_path=request.path).only("new_path").first()
        if redirect is None:
            return response
        target = redirect.new_path
        if query := request.META.get("QUERY_STRING"):
            target += ("&" if "?" in target else "?") + query
        return HttpResponsePermanentRedirect(target)
