"""
Smaller copies ("renditions") of a page's picture, so a phone downloads only what it shows.

Each picture gets WebP copies at a few widths, never wider than the original, saved through
Django's storage API next to the original (so they work on S3 too). Their widths, heights and
names are kept in the page's ``image_renditions`` and become the ``srcset`` of its ``<img>``.

A rendition's name starts with its original's name, so the list always shows which picture it
was made from: when the picture is replaced or cleared the old copies are deleted and new ones
made. Originals are kept, because an older revision of the page may still show them; restoring
such a revision makes its copies again.

Uploads are checked (core/uploads.py) so that copies can always be made. If they still cannot
(a picture set in code, or a file damaged in storage), the page is saved with the original only:
any copies already written are deleted, and the failure is logged rather than raised.
"""

import io
import logging
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

RENDITION_WIDTHS = (320, 640, 960)
WEBP_QUALITY = 80
# What Pillow raises for a picture it cannot read, resize or encode (EOFError and SyntaxError
# come from some of its decoders; DecompressionBombError is not an OSError).
IMAGE_ERRORS = (OSError, ValueError, EOFError, SyntaxError, Image.DecompressionBombError)

logger = logging.getLogger(__name__)


def rendition_prefix(image_name):
    """The start of every rendition name of ``image_name`` (its name without the extension)."""
    return image_name.rsplit(".", 1)[0] + "-"


def make_renditions(field_file):
    """Write WebP copies of ``field_file`` at each width up to its own; return their details.

    If any copy fails, those already written are deleted before the error is raised.
    """
    renditions = []
    field_file.open("rb")
    try:
        with Image.open(field_file) as original:
            original = ImageOps.exif_transpose(original)
            if original.mode not in ("RGB", "RGBA"):
                original = original.convert("RGBA" if "A" in original.getbands() else "RGB")
            widths = sorted({min(width, original.width) for width in RENDITION_WIDTHS})
            for width in widths:
                renditions.append(_save_rendition(original, field_file.name, width))
    except BaseException:
        delete_renditions(renditions)
        raise
    finally:
        field_file.close()
    return renditions


def _save_rendition(original, image_name, width):
    height = max(1, round(original.height * width / original.width))
    resized = (
        original if width == original.width else original.resize((width, height), Image.LANCZOS)
    )
    output = io.BytesIO()
    resized.save(output, format="WEBP", quality=WEBP_QUALITY, method=4)
    # A random part, so a replaced picture's copies never share a name (or a cached copy).
    name = f"{rendition_prefix(image_name)}{width}w-{secrets.token_hex(4)}.webp"
    saved_name = default_storage.save(name, ContentFile(output.getvalue()))
    return {"width": width, "height": height, "name": saved_name}


def delete_renditions(renditions):
    for rendition in renditions:
        default_storage.delete(rendition["name"])


def renditions_are_current(image_name, renditions):
    """Do ``renditions`` belong to ``image_name``, and are their files all still there?"""
    prefix = rendition_prefix(image_name)
    return bool(renditions) and all(
        rendition["name"].startswith(prefix) and default_storage.exists(rendition["name"])
        for rendition in renditions
    )


def update_renditions(instance):
    """Bring ``instance.image_renditions`` in line with ``instance.image`` before it is saved.

    Nothing to do (and no file touched) while the picture stays the same.
    """
    image = instance.image
    renditions = instance.image_renditions or []
    if not image:
        if renditions:
            delete_renditions(renditions)
            instance.image_renditions = []
        return
    if not image._committed:
        # A new upload: store it now (as saving the model would) so it has its final name.
        image.save(image.name, image.file, save=False)
    if renditions_are_current(image.name, renditions):
        return
    delete_renditions(renditions)
    try:
        instance.image_renditions = make_renditions(image)
    except IMAGE_ERRORS:
        # The page still saves and shows the original; a 500 would lose the editor's work.
        logger.exception("Could not make smaller copies of %s", image.name)
        instance.image_renditions = []


def srcset(renditions):
    """The ``srcset`` attribute value for ``renditions``."""
    return ", ".join(
        f"{default_storage.url(rendition['name'])} {rendition['width']}w"
        for rendition in renditions
    )
