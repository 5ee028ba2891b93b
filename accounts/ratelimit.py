"""
A cheap limit on POSTs from one address: the staff login steps, and any POST from someone who is
not signed in.

A failed login costs a sync worker about half a second of password hashing whatever the
username, and django-axes only locks out usernames that exist: without a limit, a few POSTs a
second from one address slow every page for every parent. This middleware runs before sessions,
CSRF and authentication, so a refused POST costs a cache lookup and a tiny response (429, with
Retry-After).

Counts live in Django's cache, which every app server shares when it is Redis, for one window
(a minute by default). The key is a keyed hash of the address and the window, so no address is
stored, and each key expires with its window. ``over_limit`` keeps that count for the public forms
too (page feedback, share packs), each under its own name and with its own limit.
"""

import hashlib
import hmac
import time

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext as _

from core.requests import plain_refusal


class PostRateLimitMiddleware:
    """At most ``settings.LOGIN_RATE_LIMIT`` limited POSTs per address per window (0: off)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.login_prefix = reverse("accounts:login").rsplit("login/", 1)[0]

    def __call__(self, request):
        if (
            request.method == "POST"
            and self.is_limited(request)
            and over_limit(request, "post", settings.LOGIN_RATE_LIMIT, settings.LOGIN_RATE_WINDOW)
        ):
            return plain_refusal(
                _("Too many attempts from your connection. Please wait a minute and try again."),
                429,
                {"Retry-After": str(settings.LOGIN_RATE_WINDOW)},
            )
        return self.get_response(request)

    def is_limited(self, request):
        # The login steps always; anything else only from someone with no session (a parent
        # has nothing to post; staff working in the admin have a session).
        return (
            request.path.startswith(self.login_prefix)
            or settings.SESSION_COOKIE_NAME not in request.COOKIES
        )


def over_limit(request, name, limit, seconds):
    """Count this request against its address under ``name`` for a window of ``seconds``: is it
    more than ``limit``? A limit of 0 counts nothing and is never over.

    Several limits (the login steps, page feedback, share packs) share this; each counts under
    its own ``name``, so one never uses up another.
    """
    if limit <= 0:
        return False
    window = int(time.time() // seconds)
    key = f"ratelimit:{name}:{address_digest(request, window)}"
    cache.add(key, 0, seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this is the window's first
        cache.add(key, 1, seconds + 1)
        count = 1
    return count > limit


def address_digest(request, window):
    """A keyed hash of the client's address and the window: the address itself is never kept."""
    address = get_client_ip_address(request) or request.META.get("REMOTE_ADDR", "")
    message = f"{window}:{address}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]
