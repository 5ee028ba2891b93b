"""Image uploads are checked by content, size and pixels, re-encoded without EXIF, renamed."""

import io

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.uploads import (
    MAX_ASPECT_RATIO,
    SafeImageField,
    SafeImageFormField,
    check_image,
    random_image_name,
)
from tests.support.images import png_with_truncated_pixels

GPS_TAG = 0x8825  # the EXIF pointer to GPS information
ORIENTATION_TAG = 0x0112


def image_bytes(fmt="JPEG", size=(40, 30), exif=None, mode="RGB"):
    output = io.BytesIO()
    image = Image.new(mode, size, color=(200, 120, 80) if mode == "RGB" else None)
    options = {"exif": exif} if exif is not None else {}
    image.save(output, format=fmt, **options)
    return output.getvalue()


def upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def exif_with_gps_and_rotation():
    exif = Image.Exif()
    exif[ORIENTATION_TAG] = 6  # "rotate 90° clockwise to display"
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_TAG)[2] = (51.0, 30.0, 0.0)  # a latitude
    return exif


class ImageForm(forms.Form):
    image = SafeImageFormField()


def clean(file):
    form = ImageForm(files={"image": file})
    assert form.is_valid(), form.errors
    return form.cleaned_data["image"]


@pytest.mark.parametrize(
    ("fmt", "content_type", "extension"),
    [("JPEG", "image/jpeg", "jpg"), ("PNG", "image/png", "png"), ("WEBP", "image/webp", "webp")],
)
def test_jpeg_png_and_webp_are_accepted_and_renamed(fmt, content_type, extension):
    original = upload(image_bytes(fmt), name="My baby at home.jpeg", content_type=content_type)
    cleaned = clean(original)

    assert cleaned.name.endswith(f".{extension}")
    assert "baby" not in cleaned.name
    assert Image.open(cleaned).format == fmt


def test_exif_and_gps_are_stripped_and_the_picture_is_turned_upright():
    data = image_bytes(size=(40, 30), exif=exif_with_gps_and_rotation())
    assert Image.open(io.BytesIO(data)).getexif().get(ORIENTATION_TAG) == 6

    cleaned = clean(upload(data))
    cleaned.seek(0)

    result = Image.open(cleaned)
    assert dict(result.getexif()) == {}
    assert result.size == (30, 40)
    cleaned.seek(0)
    stored = cleaned.read()
    assert len(stored) > 100
    assert b"PhoneMaker" not in stored


def test_a_file_that_is_not_an_image_is_refused():
    form = ImageForm(files={"image": upload(b"<?php echo 'hello'; ?>", name="x.jpg")})

    assert not form.is_valid()
    assert "image" in form.errors


def test_a_declared_type_that_does_not_match_the_content_is_refused():
    with pytest.raises(ValidationError) as error:
        check_image(upload(image_bytes("PNG"), name="x.jpg", content_type="image/jpeg"))

    assert error.value.code == "type_mismatch"


def test_an_unsupported_format_is_refused():
    with pytest.raises(ValidationError) as error:
        check_image(upload(image_bytes("GIF", mode="P"), name="x.gif", content_type="image/gif"))

    assert error.value.code == "unsupported_format"


def test_a_file_over_the_size_limit_is_refused_before_it_is_decoded(settings):
    settings.IMAGE_UPLOAD_MAX_BYTES = 1_000
    big = upload(image_bytes("PNG", size=(300, 300)) + b"\0" * 2_000, content_type="image/png")

    form = ImageForm(files={"image": big})

    assert not form.is_valid()
    assert "too big" in form.errors["image"][0]


def test_an_image_with_too_many_pixels_is_refused(settings):
    settings.IMAGE_UPLOAD_MAX_PIXELS = 100 * 100

    with pytest.raises(ValidationError) as error:
        check_image(upload(image_bytes("PNG", size=(101, 100)), content_type="image/png"))

    assert error.value.code == "too_many_pixels"


def test_a_truncated_image_is_refused():
    data = image_bytes("PNG", size=(200, 200))

    with pytest.raises(ValidationError) as error:
        check_image(upload(data[: len(data) // 2], content_type="image/png"))

    assert error.value.code == "not_an_image"


def test_an_image_whose_pixel_data_stops_short_is_refused_though_its_checksums_are_right():
    broken = png_with_truncated_pixels()
    Image.open(broken).verify()  # what was checked before, and it passes
    broken.seek(0)

    with pytest.raises(ValidationError) as error:
        check_image(broken)

    assert error.value.code == "not_an_image"


@pytest.mark.parametrize("size", [(1000, 20_000), (20_000, 1000), (2, 21)])
def test_a_very_long_and_thin_image_is_refused(size):
    with pytest.raises(ValidationError) as error:
        check_image(upload(image_bytes("PNG", size=size, mode="L"), content_type="image/png"))

    assert error.value.code == "too_long_and_thin"


def test_a_long_image_within_the_limit_is_accepted():
    data = image_bytes("PNG", size=(100, 100 * MAX_ASPECT_RATIO), mode="L")

    assert check_image(upload(data, content_type="image/png")) == "PNG"


def test_image_model_fields_get_random_names_and_the_safe_form_field():
    field = SafeImageField()

    assert isinstance(field.formfield(), SafeImageFormField)
    first = random_image_name(None, "Family photo.JPG")
    second = random_image_name(None, "Family photo.JPG")
    assert first != second
    assert first.startswith("images/") and first.endswith(".jpg")
    assert "Family" not in first
