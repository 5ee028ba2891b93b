"""Uploaded pictures, served by the app itself when nothing in front of it does (see README)."""

import posixpath
import re

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# Uploads never change under the same name (each gets a random one), so browsers may keep them.
MEDIA_CACHE_CONTROL = "public, max-age=31536000, immutable"
# The only files our uploads make (guidance/uploads.py, guidance/images.py), by extension. Anything
# else in the media folder is not ours to serve: an HTML or script file served from our origin
# would run as our own page, under our own Content-Security-Policy.
MEDIA_TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
# images/2026/11/<random>.jpg and its renditions, images/2026/11/<random>-320w-<random>.webp
# (with the suffix storage adds when a name is taken): no dots, slashes or spaces in a part.
MEDIA_NAME = re.compile(r"images/(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+\.(jpg|jpeg|png|webp)")
# A picture is only ever shown inside an <img>: should anything else be fetched from here, it
# gets no script, no plugins and no same-origin rights.
MEDIA_CSP = "default-src 'none'; sandbox"


def media_type(name):
    """The content type of an upload we could have made called ``name``, else None."""
    match = MEDIA_NAME.fullmatch(name)
    return MEDIA_TYPES[match[1]] if match else None


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
