"""
Safe image uploads: every image field on the site uses ``SafeImageField``.

An upload is accepted only if its declared type and its real content agree on JPEG, PNG or
WebP, it is within the size and pixel limits, it is not too long and thin to resize, and Pillow
can decode every pixel of it: all this is checked before anything is stored. It is then
re-encoded from its pixels, which drops EXIF and other metadata (a phone photo can carry the GPS
position of a family's home), and stored under a random name so nothing about the original file
leaks.
"""

import io
import re
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow format -> (content types a browser may declare, file extension)
ACCEPTED_FORMATS = {
    "JPEG": ({"image/jpeg", "image/pjpeg"}, "jpg"),
    "PNG": ({"image/png"}, "png"),
    "WEBP": ({"image/webp"}, "webp"),
}
# How many times longer than wide (or wider than tall) a picture may be. The WebP copies
# (core/images.py) are up to 960 pixels wide and WebP holds at most 16,383 pixels a side, so
# a picture more than 17 times taller than wide cannot be resized; well before that it shows on a
# phone as a thin strip.
MAX_ASPECT_RATIO = 10
NOT_AN_IMAGE = _("This file is not an image we can use. Please upload a JPEG, PNG or WebP picture.")


def random_image_name(instance, filename):
    """``upload_to`` for images: a random name in a folder per month, keeping the extension."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "img"
    return f"images/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


def check_image(upload):
    """Raise ``ValidationError`` unless ``upload`` is an acceptable image; return its format."""
    max_bytes = settings.IMAGE_UPLOAD_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            _("This image is too big (%(size)s MB). Please use one under %(limit)s MB."),
            code="too_big",
            params={
                "size": round(upload.size / 1_000_000, 1),
                "limit": round(max_bytes / 1_000_000, 1),
            },
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image_format = image.format
            # Refused before any pixel is decoded: only these formats' decoders are ever used.
            if image_format not in ACCEPTED_FORMATS:
                raise ValidationError(
                    _("Please upload a JPEG, PNG or WebP picture."), code="unsupported_format"
                )
            width, height = image.size
            if width * height > settings.IMAGE_UPLOAD_MAX_PIXELS:
                raise ValidationError(
                    _("This image is %(width)s by %(height)s pixels: please make it smaller."),
                    code="too_many_pixels",
                    params={"width": width, "height": height},
                )
            if max(width, height) > MAX_ASPECT_RATIO * min(width, height):
                raise ValidationError(
                    _(
                        "This picture is very long and thin (%(width)s by %(height)s pixels). "
                        "Please crop it so that it is no more than %(ratio)s times as tall as it "
                        "is wide, or as wide as it is tall."
                    ),
                    code="too_long_and_thin",
                    params={"width": width, "height": height, "ratio": MAX_ASPECT_RATIO},
                )
            image.verify()
        # verify() reads only the file's structure and checksums, so a picture whose pixel data
        # stops short passes it: decoding every pixel (within the limit above) is what finds that.
        upload.seek(0)
        with Image.open(upload, formats=[image_format]) as image:
            image.load()
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
        Image.DecompressionBombError,
    ):
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from None
    finally:
        upload.seek(0)
    declared = getattr(upload, "content_type", None)
    if declared and declared not in ACCEPTED_FORMATS[image_format][0]:
        raise ValidationError(
            _("This file's type does not match its content. Please upload the picture again."),
            code="type_mismatch",
        )
    return image_format


def reencode_without_metadata(upload, image_format):
    """A new upload holding only the pixels of ``upload``, upright, under a random name."""
    upload.seek(0)
    output = io.BytesIO()
    try:
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image)
            if image_format == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            options = {"quality": 85, "optimize": True} if image_format in ("JPEG", "WEBP") else {}
            image.save(output, format=image_format, **options)
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        # check_image() decoded it already, so this is unexpected; still, a form error, not a 500.
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from error
    content_types, extension = ACCEPTED_FORMATS[image_format]
    return SimpleUploadedFile(
        f"{uuid.uuid4().hex}.{extension}",
        output.getvalue(),
        content_type=sorted(content_types)[0],
    )


class SafeImageFormField(forms.ImageField):
    def clean(self, data, initial=None):
        cleaned = super().clean(data, initial)
        if cleaned and cleaned is not initial and hasattr(cleaned, "content_type"):
            return reencode_without_metadata(cleaned, check_image(cleaned))
        return cleaned

    def to_python(self, data):
        # Refuse what is too big before Pillow opens it in super().to_python().
        if data not in self.empty_values and data.size > settings.IMAGE_UPLOAD_MAX_BYTES:
            check_image(data)
        return super().to_python(data)


class SafeImageField(models.ImageField):
    """An ``ImageField`` whose uploads are checked, stripped of metadata and randomly named."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("upload_to", random_image_name)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})


# The only files our uploads make (here and in core/images.py), by extension. Anything
# else in the media folder is not ours to serve: an HTML or script file served from our origin
# would run as our own page, under our own Content-Security-Policy.
MEDIA_TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
# images/2026/11/<random>.jpg and its renditions, images/2026/11/<random>-320w-<random>.webp
# (with the suffix storage adds when a name is taken): no dots, slashes or spaces in a part.
MEDIA_NAME = re.compile(r"images/(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+\.(jpg|jpeg|png|webp)")


def media_type(name):
    """The content type of an upload we could have made called ``name``, else None."""
    match = MEDIA_NAME.fullmatch(name)
    return MEDIA_TYPES[match[1]] if match else None
