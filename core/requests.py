"""
What a request says about itself that several apps check the same way.

Public forms on cached pages (share packs, "Was this page helpful?") carry no CSRF token: the
page is the same bytes for everyone. They are refused from other sites by what the browser says
about where a form was sent from instead (``Sec-Fetch-Site`` and ``Origin``).
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost

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
