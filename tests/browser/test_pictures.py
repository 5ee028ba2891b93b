"""A page with a picture, in a real Chromium: a phone downloads one small WebP copy, the space is
kept before it loads (width and height), nothing scrolls sideways, and axe-core finds nothing."""

import io

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from PIL import Image

from core.models import Status
from guidance.models import Article
from tests.support.browser import (
    AXE_TAGS,
    DESKTOP,
    NARROWEST,
    OVERFLOW_JS,
    PHONE,
    RUN_AXE_JS,
    format_violation,
)

# django_db: pytest-django makes the test database, which the live server reads (see conftest).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PICTURE_JS = """() => {
  const img = document.querySelector(".page-picture img");
  return img && {
    width: img.getAttribute("width"), height: img.getAttribute("height"),
    alt: img.getAttribute("alt"), current: img.currentSrc, loaded: img.naturalWidth > 0,
  };
}"""


def photo_bytes(width=1600, height=1000):
    output = io.BytesIO()
    Image.new("RGB", (width, height), (120, 160, 140)).save(output, format="JPEG", quality=85)
    return output.getvalue()


@pytest.fixture(scope="module")
def committed_picture_page(live_site, django_db_blocker, tmp_path_factory):
    """An article with a photo, committed so the live server's threads see it, with its files
    in a folder of the module's own; deleted when the module ends."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        article = Article(
            title="A picture of a calm moment",
            slug="browser-test-picture",
            summary="A page with a photo.",
            body="<p>Words under the photo.</p>",
            status=Status.PUBLISHED,
            image_alt="A parent holding a sleeping baby against their chest",
        )
        article.image.save("photo.jpg", ContentFile(photo_bytes()), save=False)
        article.save()
    live_site.paths["picture"] = article.get_absolute_url()
    yield article, media
    del live_site.paths["picture"]
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        article.delete()


@pytest.fixture
def picture_page(committed_picture_page, settings):
    """The picture page, its files served from where they were written."""
    article, media = committed_picture_page
    settings.MEDIA_ROOT = media
    return article


def test_a_phone_downloads_one_small_webp_copy_with_its_space_kept(fresh_visit, picture_page):
    opened = fresh_visit("picture", PHONE)
    opened.page.wait_for_load_state("networkidle")

    image_requests = [r.url for r in opened.requests if r.resource_type == "image"]
    picture = opened.page.evaluate(PICTURE_JS)

    assert picture is not None, "no picture on the page"
    assert picture["loaded"], f"the picture did not load: {picture}"
    assert (picture["width"], picture["height"]) == ("1600", "1000")
    assert picture["alt"] == picture_page.image_alt
    # 390 px wide at one device pixel per CSS pixel: the 640 px copy, and nothing else.
    pictures = [url for url in image_requests if "/media/" in url]
    assert len(pictures) == 1, image_requests
    assert pictures[0].endswith(".webp") and "640w" in pictures[0], pictures


def test_a_page_with_a_picture_reflows_and_has_no_axe_violations(visit, axe_source, picture_page):
    problems = []
    opened = visit("picture")
    opened.page.evaluate(axe_source)
    for name, viewport in {"320px": NARROWEST, "390x844": PHONE, "1280x800": DESKTOP}.items():
        opened.show_as(viewport)
        if overflow := opened.page.evaluate(OVERFLOW_JS):
            problems.append(f"{name}: scrolls sideways: {overflow}")
        results = opened.page.evaluate(RUN_AXE_JS, AXE_TAGS)
        problems += [
            format_violation(f"picture {opened.url} {name}", v) for v in results["violations"]
        ]
    assert not problems, "\n".join(problems)
