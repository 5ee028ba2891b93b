"""Caching headers for every response, and the server-side page cache for anonymous readers."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

from core import contentversion
from guidance.models import Redirect

from . import pagecache

CACHEABLE_TYPES = ("text/html", "application/xml", "application/atom+xml", "text/plain")


class PublicPageCacheMiddleware:
    """
    Anonymous GET requests for public pages get ``Cache-Control: public`` with a short max-age
    and ``stale-while-revalidate``, an ``ETag`` and a ``Last-Modified`` (the time content last
    changed), and are served from the page cache when ``settings.PAGE_CACHE`` is on.
    ``ConditionalGetMiddleware``, placed before this one, answers revalidations with 304.

    Anyone with a session cookie (staff), and the admin, is never cached anywhere.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = reverse("admin:index")

    def __call__(self, request):
        if not self.is_anonymous_read(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response

        version = contentversion.content_version()
        key = pagecache.page_key(version, request)
        if settings.PAGE_CACHE and (stored := cache.get(key)) is not None:
            return self.rebuild(stored)

        response = self.get_response(request)
        if not self.is_shareable(response):
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response

        response["Last-Modified"] = http_date(version["changed_at"].timestamp())
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_MAX_AGE,
            stale_while_revalidate=settings.PAGE_STALE_WHILE_REVALIDATE,
        )
        set_response_etag(response)
        if settings.PAGE_CACHE:
            cache.set(key, self.freeze(response), settings.PAGE_CACHE_SECONDS)
        return response

    def is_anonymous_read(self, request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.admin_prefix)
        )

    @staticmethod
    def is_shareable(response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
            and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
        )

    @staticmethod
    def freeze(response):
        return (response.content, list(response.items()))

    @staticmethod
    def rebuild(stored):
        content, headers = stored
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        return response


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
