"""Leaflets print on exactly one A4 sheet from Chromium, whatever the page (sharing/leaflets.py,
the print style in static/css/site.css), and the share buttons' script works in a browser.

Every starter article and tip page is printed with the urgent lines of Northern Ireland (the
longest lines: its urgent service has no single number, so its words are printed), and every
nation's help page. Each PDF's pages are counted with poppler's pdfinfo when it is installed,
otherwise by its page objects; its text, read back with poppler's pdftotext, must hold the
whole of what the leaflet says (a leaflet is cut to its sheet, so a layout mistake would lose
words silently, not add a page).
"""

import re
import shutil
import subprocess

import pytest

from guidance.models import Article, Nation
from sharing.leaflets import TIPS
from tests.support.browser import PHONE
from tips.models import TipPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def page_count(pdf):
    if pdfinfo := shutil.which("pdfinfo"):
        info = subprocess.run([pdfinfo, "-"], input=pdf, capture_output=True, check=True)
        return int(re.search(rb"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)[1])
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def pdf_text(pdf):
    """The PDF's words, whitespace made single spaces (CI installs poppler-utils)."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run([pdftotext, "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(done.stdout.decode().split())


@pytest.fixture(scope="module")
def printer(browser, live_site):
    """``printer(path)``: the PDF Chromium prints of ``path``, on A4 as a reader's "Print" would."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()

    def print_pdf(path):
        response = page.goto(live_site.url + path, wait_until="load")
        assert response.status == 200, path
        return page.pdf(format="A4", print_background=True)

    yield print_pdf
    context.close()


def leaflet_paths():
    articles = [f"/guidance/{slug}/leaflet/" for slug in _slugs(Article)]
    tip_pages = [f"/tips/{slug}/leaflet/" for slug in _slugs(TipPage)]
    return [f"{path}?nation={Nation.NORTHERN_IRELAND.value}" for path in articles + tip_pages]


def _slugs(model):
    return model.objects.published().order_by("slug").values_list("slug", flat=True)


def test_every_article_and_tip_page_leaflet_prints_on_one_page(printer):
    paths = leaflet_paths()
    assert len(paths) >= 11, "the starter content has 8 articles and 3 tip pages"

    counts = {path: page_count(printer(path)) for path in paths}

    assert counts == dict.fromkeys(paths, 1)


def test_every_article_leaflet_prints_all_of_in_brief_and_its_address_once(printer):
    for article in Article.objects.published().order_by("slug"):
        text = pdf_text(printer(f"/guidance/{article.slug}/leaflet/"))

        for point in article.in_brief_points:
            assert " ".join(point.split()) in text, (article.slug, point)
        assert "Scan to read this online:" in text
        assert text.count(f"/a/{article.pk}/") == 1, article.slug


def test_every_tip_page_leaflet_prints_its_first_tips_whole(printer):
    for tip_page in TipPage.objects.published().order_by("slug"):
        path = f"/tips/{tip_page.slug}/leaflet/?nation={Nation.NORTHERN_IRELAND.value}"
        text = pdf_text(printer(path))

        for tip in tip_page.tips.all()[:TIPS]:
            assert " ".join(tip.baby_says.split()) in text, (tip_page.slug, tip.baby_says)
        assert text.count(f"/t/{tip_page.pk}/") == 1, tip_page.slug


def test_longest_article_leaflet_prints_uk_wide_on_one_page(printer, live_site):
    longest = max(Article.objects.published(), key=lambda article: len(article.in_brief))

    assert page_count(printer(f"/guidance/{longest.slug}/leaflet/")) == 1


@pytest.mark.parametrize("nation", [None, *Nation])
def test_help_leaflet_prints_on_one_page(printer, nation):
    path = f"/help/{nation.value}/leaflet/" if nation else "/help/leaflet/"

    assert page_count(printer(path)) == 1


def test_leaflet_prints_the_leaflet_alone(browser, live_site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(live_site.url + "/help/wales/leaflet/", wait_until="load")
    page.emulate_media(media="print")

    shown = page.evaluate(
        """() => [".site-header", ".site-footer", ".quick-exit", ".leaflet-tools", ".leaflet",
                  ".leaflet__qr svg", ".leaflet__urgent"]
          .map(selector => [selector, document.querySelector(selector).checkVisibility()])"""
    )
    context.close()

    assert dict(shown) == {
        ".site-header": False,
        ".site-footer": False,
        ".quick-exit": False,
        ".leaflet-tools": False,
        ".leaflet": True,
        ".leaflet__qr svg": True,
        ".leaflet__urgent": True,
    }


@pytest.fixture
def phone(browser, live_site):
    context = browser.new_context(viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_site.url)
    page = context.new_page()
    page.go = lambda path: page.goto(live_site.url + path, wait_until="load")
    yield page
    context.close()


def test_copy_link_copies_the_short_link(phone):
    article = Article.objects.published().order_by("slug").first()
    phone.go(article.get_absolute_url())

    copy = phone.locator("[data-share-copy]")
    copy.click()

    status = phone.locator("[data-share-status]")
    status.filter(has_text="Link copied.").wait_for()
    short_link = phone.locator("[data-share]").get_attribute("data-share-url")
    assert short_link.endswith(f"/a/{article.pk}/")
    assert phone.evaluate("() => navigator.clipboard.readText()") == short_link


def test_phone_share_button_shows_only_where_the_browser_can_share(phone):
    phone.go("/help/wales/")

    can_share = phone.evaluate("() => typeof navigator.share === 'function'")
    assert phone.locator("[data-share-native]").is_visible() == can_share
    assert phone.locator("[data-share-copy]").is_visible()


def test_leaflet_print_button_replaces_the_hint(phone):
    phone.go("/help/wales/leaflet/")

    assert phone.locator("[data-print]").is_visible()
    assert not phone.locator("[data-print-hint]").is_visible()
