"""
Smaller copies ("renditions") of a page's picture, so a phone downloads only what it shows.

Each picture gets WebP copies at a few widths, never wider than the original, saved through
Django's storage API next to the original (so they work on S3 too). Their widths, heights and
names are kept in the page's ``image_renditions`` and become the ``srcset`` of its ``<img>``.

A rendition's name starts with its original's name, so the list always shows which picture it
was made from: when the picture is replaced or cleared the old copies are deleted and new ones
made. Originals are kept, because an older revision of the page may still show them; restoring
such a revision makes its copies again.
"""

import io
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

RENDITION_WIDTHS = (320, 640, 960)
WEBP_QUALITY = 80


def rendition_prefix(image_name):
    """The start of every rendition name of ``image_name`` (its name without the extension)."""
    return image_name.rsplit(".", 1)[0] + "-"


def make_renditions(field_file):
    """Write WebP copies of ``field_file`` at each width up to its own; return their details."""
    field_file.open("rb")
    try:
        with Image.open(field_file) as original:
            original = ImageOps.exif_transpose(original)
            if original.mode not in ("RGB", "RGBA"):
                original = original.convert("RGBA" if "A" in original.getbands() else "RGB")
            widths = sorted({min(width, original.width) for width in RENDITION_WIDTHS})
            return [_save_rendition(original, field_file.name, width) for width in widths]
    finally:
        field_file.close()


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
    instance.image_renditions = make_renditions(image)


def srcset(renditions):
    """The ``srcset`` attribute value for ``renditions``."""
    return ", ".join(
        f"{default_storage.url(rendition['name'])} {rendition['width']}w"
        for rendition in renditions
    )
