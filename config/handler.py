"""Django's WSGI handler, remembering where each recent path leads.

Django matches a request's path against the URL patterns in order on every request; with the
site's includes that is about 25 µs a page, more than some views take. Which view a path leads
to (and with which arguments) changes only when the URL patterns do, so each worker remembers it
for recent paths. A path no pattern matches (a 404) is matched afresh each time, as are paths
longer than ``LONGEST`` characters; the memory is cleared when full, so a flood of made-up paths
costs what it did before and a few megabytes at most.
"""

from django.core.handlers.wsgi import WSGIHandler
from django.urls import get_resolver

REMEMBERED = 2000
LONGEST = 300


class Handler(WSGIHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._resolver = None
        self._matches = {}

    def resolve_request(self, request):
        if hasattr(request, "urlconf"):  # set by a middleware for this request only
            return super().resolve_request(request)
        if (resolver := get_resolver()) is not self._resolver:
            # The URL patterns were loaded again (tests change them): forget what they said.
            self._resolver, self._matches = resolver, {}
        path = request.path_info
        if (match := self._matches.get(path)) is None:
            match = super().resolve_request(request)
            if len(path) <= LONGEST:
                if len(self._matches) >= REMEMBERED:
                    self._matches.clear()
                self._matches[path] = match
        request.resolver_match = match
        return match
