"""Uploaded pictures, served by the app itself when nothing in front of it does.

See docs/deploying.md for serving them from the proxy instead.
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

from core.uploads import media_type

# Uploads never change under the same name (each gets a random one), so browsers may keep them.
MEDIA_CACHE_CONTROL = "public, max-age=31536000, immutable"
# A picture is only ever shown inside an <img>: should anything else be fetched from here, it
# gets no script, no plugins and no same-origin rights.
MEDIA_CSP = "default-src 'none'; sandbox"


def serve_media(request, path):
    """One uploaded picture from ``MEDIA_ROOT``; Django's ``serve`` refuses paths outside it."""
    if posixpath.normpath(path) != path:
        raise Http404  # "..", "//" and the like: never a name we gave an upload
    content_type = media_type(path)
    if content_type is None:
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    if response.status_code == 200:
        # Our type, not one guessed from the name; and browsers must not guess from the bytes.
        response["Content-Type"] = content_type
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    response["Cache-Control"] = MEDIA_CACHE_CONTROL
    return response
