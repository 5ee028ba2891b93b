"""
What a request says about itself that several apps check the same way, and the plain refusal of
one that fails.

Public forms on cached pages (share packs, "Was this page helpful?") carry no CSRF token: the
page is the same bytes for everyone. They are refused from other sites by what the browser says
about where a form was sent from instead (``Sec-Fetch-Site`` and ``Origin``), and refused when
their body is too big or they come too often from one address (``refuse_post``).
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse

# Where a browser says a form was sent from: our own page, or typed/bookmarked by the person.
ALLOWED_FETCH_SITES = frozenset({"same-origin", "none"})


def is_same_origin(request):
    """Did the browser send this request from one of our own pages?

    A ``Sec-Fetch-Site`` other than ``same-origin`` or ``none`` is refused, and so is an
    ``Origin`` that is neither this site's scheme and host nor one of
    ``settings.CSRF_TRUSTED_ORIGINS``. A client that sends neither header is not a browser
    another site could use, so it is not refused.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in ALLOWED_FETCH_SITES:
        return False
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    try:
        ours = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:  # a host this site does not serve is never ours
        return False
    return origin == ours or origin in settings.CSRF_TRUSTED_ORIGINS


def plain_refusal(message, status, headers=()):
    """A short text answer that no cache keeps, with any extra ``headers`` (a mapping)."""
    response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    for name, value in dict(headers).items():
        response[name] = value
    return response


def refuse_post(request, *, max_bytes, over_limit, retry_after, other_site, too_big, too_many):
    """A plain refusal for a post from a public form that must not be kept, or ``None``.

    In this order: sent from another site (403, ``other_site``); a body over ``max_bytes``, or
    a length that is not a number of bytes (413, ``too_big``); one post too many from its
    address, as ``over_limit(request)`` says (429, ``too_many``, with
    ``Retry-After: retry_after``). ``over_limit`` is asked last, so that a post refused for
    another reason is not counted against its address.
    """
    if not is_same_origin(request):
        return plain_refusal(other_site, 403)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = max_bytes + 1
    if length > max_bytes or length < 0:
        return plain_refusal(too_big, 413)
    if over_limit(request):
        return plain_refusal(too_many, 429, {"Retry-After": str(retry_after)})
    return None
