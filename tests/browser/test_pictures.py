"""A page with a picture, in a real Chromium: a phone downloads one small WebP copy, the space is
kept before it loads (width and height), nothing scrolls sideways, and axe-core finds nothing."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from core.models import Status
from guidance.models import Article

from .support import DESKTOP, NARROWEST, PHONE
from .test_accessibility import AXE_TAGS, OVERFLOW_JS, RUN_AXE_JS, format_violation

# transaction=True: the picture page must be committed for the live server's threads to see it.
# pytest-django empties the database after each such test, which would take the starter content
# from the package's other tests: this module's name sorts after theirs, so it runs last.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

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


@pytest.fixture
def picture_page(site):
    """An article with a photo, committed so the live server sees it."""
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
    site.paths["picture"] = article.get_absolute_url()
    yield article
    del site.paths["picture"]


def test_a_phone_downloads_one_small_webp_copy_with_its_space_kept(visit, picture_page):
    opened = visit("picture", PHONE)
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
    for name, viewport in {"320px": NARROWEST, "390x844": PHONE, "1280x800": DESKTOP}.items():
        opened = visit("picture", viewport)
        if overflow := opened.page.evaluate(OVERFLOW_JS):
            problems.append(f"{name}: scrolls sideways: {overflow}")
        opened.page.evaluate(axe_source)
        results = opened.page.evaluate(RUN_AXE_JS, AXE_TAGS)
        problems += [
            format_violation(f"picture {opened.url} {name}", v) for v in results["violations"]
        ]
    assert not problems, "\n".join(problems)
