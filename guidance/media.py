"""Uploaded pictures, served by the app itself when nothing in front of it does (see README)."""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# Uploads never change under the same name (each gets a random one), so browsers may keep them.
MEDIA_CACHE_CONTROL = "public, max-age=31536000, immutable"


def serve_media(request, path):
    """One uploaded picture from ``MEDIA_ROOT``; Django's ``serve`` refuses paths outside it."""
    if posixpath.normpath(path) != path:
        raise Http404  # "..", "//" and the like: never a name we gave an upload
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = MEDIA_CACHE_CONTROL
    return response
