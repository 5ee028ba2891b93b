"""Pictures on articles and tip pages: alt text, WebP renditions, srcset, and tidying up."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pytest_django.asserts import assertContains

from core import images
from guidance.models import Article
from tests.support.factories import make_article, make_tip_page
from tests.support.images import png_with_truncated_pixels
from tests.support.markup import elements

pytestmark = pytest.mark.django_db


def picture(width=1200, height=800, image_format="JPEG", name="photo.jpg"):
    """A real image file made with Pillow, as a browser would upload it."""
    output = io.BytesIO()
    mode = "RGBA" if image_format == "PNG" else "RGB"
    Image.new(mode, (width, height), (120, 160, 140)).save(output, format=image_format)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png"}[image_format]
    return SimpleUploadedFile(name, output.getvalue(), content_type=content_type)


def with_picture(page, upload=None, alt="A parent holding a sleeping baby", decorative=False):
    page.image = upload or picture()
    page.image_alt = alt
    page.image_decorative = decorative
    page.save()
    return page


def test_renditions_are_webp_copies_at_each_width(past):
    article = with_picture(make_article(published_at=past))

    assert [r["width"] for r in article.image_renditions] == [320, 640, 960]
    for rendition in article.image_renditions:
        assert rendition["name"].startswith(article.image.name.rsplit(".", 1)[0] + "-")
        assert rendition["name"].endswith(".webp")
        with default_storage.open(rendition["name"]) as stored, Image.open(stored) as copy:
            assert copy.format == "WEBP"
            assert copy.size == (rendition["width"], rendition["height"])
    assert article.image_renditions[0]["height"] == round(800 * 320 / 1200)
    assert (article.image_width, article.image_height) == (1200, 800)


def test_no_rendition_is_wider_than_the_original():
    tip_page = with_picture(make_tip_page(), picture(500, 250, "PNG", "small.png"))

    assert [(r["width"], r["height"]) for r in tip_page.image_renditions] == [
        (320, 160),
        (500, 250),
    ]


def test_the_page_shows_the_picture_with_srcset_width_height_and_alt(client, past):
    article = with_picture(make_article(slug="cuddles", published_at=past))

    (img,) = elements(client.get("/guidance/cuddles/"), "img")

    assert img["src"] == article.image.url
    assert img["alt"] == "A parent holding a sleeping baby"
    assert (img["width"], img["height"]) == ("1200", "800")
    assert img["decoding"] == "async"
    assert "sizes" in img
    candidates = [part.strip().split(" ") for part in img["srcset"].split(",")]
    assert [width for _url, width in candidates] == ["320w", "640w", "960w"]
    assert [url for url, _width in candidates] == [
        default_storage.url(r["name"]) for r in article.image_renditions
    ]


def test_tip_pages_show_their_picture_too(client):
    tip_page = with_picture(make_tip_page(slug="songs"))

    (img,) = elements(client.get("/tips/songs/"), "img")

    assert img["src"] == tip_page.image.url and "960w" in img["srcset"]


def test_a_decorative_picture_has_empty_alt_text(client):
    make_tip_page(slug="songs")
    tip_page = with_picture(make_tip_page(slug="songs-2"), alt="", decorative=True)
    tip_page.full_clean()

    (img,) = elements(client.get("/tips/songs-2/"), "img")

    assert img["alt"] == ""


def test_alt_text_is_required_unless_the_picture_is_decorative():
    article = make_article()
    article.image = picture()

    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "image_alt" in error.value.message_dict

    article.image_decorative = True
    article.full_clean()
    article.image_decorative, article.image_alt = False, "A baby smiling at a parent"
    article.full_clean()


def test_alt_text_is_not_needed_without_a_picture():
    make_article(image_alt="").full_clean()


def test_replacing_the_picture_deletes_the_old_copies_but_keeps_the_original():
    article = with_picture(make_article())
    old_original, old_copies = article.image.name, [r["name"] for r in article.image_renditions]

    with_picture(article, picture(800, 800, name="new.jpg"))

    assert not any(default_storage.exists(name) for name in old_copies)
    assert default_storage.exists(old_original)  # an older revision may still show it
    assert [r["width"] for r in article.image_renditions] == [320, 640, 800]
    assert all(default_storage.exists(r["name"]) for r in article.image_renditions)


def test_clearing_the_picture_deletes_its_copies():
    article = with_picture(make_article())
    copies = [r["name"] for r in article.image_renditions]

    article.image = None
    article.save()

    assert article.image_renditions == []
    assert not any(default_storage.exists(name) for name in copies)


def test_saving_without_changing_the_picture_keeps_its_copies():
    article = with_picture(make_article())
    copies = list(article.image_renditions)

    article.title = "A new title"
    article.save()

    assert article.image_renditions == copies


def test_missing_copies_are_made_again(settings):
    """E.g. after restoring an old revision whose copies were deleted when it was replaced."""
    article = with_picture(make_article())
    images.delete_renditions(article.image_renditions)

    article.save()

    assert len(article.image_renditions) == 3
    assert all(default_storage.exists(r["name"]) for r in article.image_renditions)


def test_uploaded_pictures_are_served_and_cached_for_long(client):
    article = with_picture(make_article())

    response = client.get(default_storage.url(article.image_renditions[0]["name"]))
    response.close()

    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert "immutable" in response["Cache-Control"]


@pytest.mark.parametrize(
    "path", ["/media/images/../../settings.py", "/media/db.sqlite3", "/media/images/missing.png"]
)
def test_only_existing_uploaded_pictures_are_served(client, path):
    assert client.get(path).status_code == 404


def admin_form(client, url):
    """The fields a browser would send back from an admin form, as it first appears."""
    response = client.get(url)
    html = response.content.decode()
    fields = {
        field["name"]: field.get("value", "")
        for field in elements(html, "input")
        if field.get("name")
        and field.get("type") not in ("submit", "file", "checkbox")
        and field["name"] != "csrfmiddlewaretoken"
    }
    fields["status"] = "draft"
    return fields


def test_the_admin_refuses_a_picture_without_alt_text_and_keeps_one_with_it(admin_client):
    url = reverse("admin:guidance_article_add")
    form = admin_form(admin_client, url) | {
        "title": "Sleep",
        "slug": "sleep",
        "summary": "About sleep.",
        "body": "<p>Words.</p>",
    }

    refused = admin_client.post(url, form | {"image": picture(), "image_alt": ""})

    assert refused.status_code == 200
    assertContains(refused, "Please describe the picture for people who cannot see it")
    assert not Article.objects.exists()

    saved = admin_client.post(url, form | {"image": picture(), "image_alt": "A sleeping baby"})

    assert saved.status_code == 302, [
        line for line in saved.content.decode().splitlines() if "errorlist" in line
    ]
    article = Article.objects.get()
    assert article.image_alt == "A sleeping baby"
    assert [r["width"] for r in article.image_renditions] == [320, 640, 960]


def stored_files(media_root):
    return sorted(path for path in media_root.rglob("*") if path.is_file())


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: picture(1000, 20_000, "PNG", "tall.png"), "very long and thin"),
        (png_with_truncated_pixels, "not an image we can use"),
    ],
    ids=["1000x20000", "truncated-pixels"],
)
def test_the_admin_refuses_a_picture_it_could_not_resize_and_stores_nothing(
    admin_client, media_root, upload, message
):
    url = reverse("admin:guidance_article_add")
    form = admin_form(admin_client, url) | {
        "title": "Sleep",
        "slug": "sleep",
        "summary": "About sleep.",
        "body": "<p>Words.</p>",
        "image_alt": "A sleeping baby",
    }

    response = admin_client.post(url, form | {"image": upload()})

    assert response.status_code == 200
    assertContains(response, message)
    assert not Article.objects.exists()
    assert stored_files(media_root) == []


def test_a_picture_that_cannot_be_resized_is_kept_without_copies_and_leaves_none_behind(
    media_root,
):
    """Saved in code, past the form's checks: the page still saves, just without copies."""
    article = make_article()
    article.image = png_with_truncated_pixels()
    article.image_alt = "A sleeping baby"

    article.save()

    assert article.image_renditions == []
    assert stored_files(media_root) == [media_root / article.image.name]


def test_copies_already_written_are_deleted_when_a_later_one_fails(media_root, monkeypatch):
    save_rendition = images._save_rendition

    def fail_on_the_widest(original, image_name, width):
        if width == images.RENDITION_WIDTHS[-1]:
            raise OSError("encoder error -2 when writing image file")
        return save_rendition(original, image_name, width)

    monkeypatch.setattr(images, "_save_rendition", fail_on_the_widest)
    article = with_picture(make_article())

    assert article.image_renditions == []
    assert stored_files(media_root) == [media_root / article.image.name]
