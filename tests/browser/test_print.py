"""Pages printed from Chromium (the print style at the end of static/css/site.css,
docs/offline-and-print.md): an article, a tip page and one nation's help page on at most two A4
sheets, dark on white in either colour scheme, with the page's address, the disclaimer, the
emergency line and the review date on paper, and every link's address after its words.

Printed as a reader's "Print" does: ``page.pdf()`` on A4 with backgrounds on (it uses print
media by itself). Pages are counted with poppler's pdfinfo, text read with pdftotext, and a
sheet looked at with pdftoppm and Pillow; without poppler the tests are skipped.
"""

import datetime
import re
import shutil
import subprocess

import pytest
from PIL import Image

from guidance.models import Article, Nation
from tests.support.browser import PHONE
from tests.support.tools import missing_tool
from tips.models import TipPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

MAX_SHEETS = 2


def poppler(tool):
    if path := shutil.which(tool):
        return path
    missing_tool(f"{tool} is not installed: apt-get install poppler-utils")


def page_count(pdf):
    info = subprocess.run([poppler("pdfinfo"), "-"], input=pdf, capture_output=True, check=True)
    return int(re.search(rb"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)[1])


def pdf_text(pdf):
    """The PDF's words, with runs of white space made one space."""
    text = subprocess.run(
        [poppler("pdftotext"), "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return " ".join(text.split())


def unbroken(text):
    """``text`` without white space: a long address may wrap at any character on paper."""
    return re.sub(r"\s+", "", text)


def first_sheet(pdf, folder):
    """The first sheet as a small grey picture (30 dots an inch)."""
    (folder / "print.pdf").write_bytes(pdf)
    first = ["-f", "1", "-l", "1", "-singlefile"]
    subprocess.run(
        [poppler("pdftoppm"), "-r", "30", "-png", *first, folder / "print.pdf", folder / "sheet"],
        check=True,
    )
    return Image.open(folder / "sheet.png").convert("L")


@pytest.fixture(scope="module", params=["light", "dark"])
def printer(request, browser, live_site):
    """``printer(path)``: the PDF Chromium prints of ``path`` in one colour scheme."""
    context = browser.new_context(viewport=PHONE, color_scheme=request.param)
    page = context.new_page()

    def print_pdf(path):
        response = page.goto(live_site.url + path, wait_until="load")
        assert response.status == 200, path
        return page.pdf(format="A4", print_background=True)

    print_pdf.scheme = request.param
    print_pdf.page = page
    yield print_pdf
    context.close()


@pytest.fixture(scope="module")
def reviewed_article(live_site, django_db_blocker):
    """The longest starter article, clinically reviewed for this module (the starter content is
    not reviewed yet), committed so that the live server sees it, and put back afterwards."""
    with django_db_blocker.unblock():
        article = max(Article.objects.published(), key=lambda article: len(article.body))
        before = (article.reviewed_by, article.last_reviewed, article.next_review_due)
        today = datetime.date.today()
        article.reviewed_by = "A health visitor"
        article.last_reviewed = today - datetime.timedelta(days=30)
        article.next_review_due = today + datetime.timedelta(days=300)
        article.save()
    yield article
    with django_db_blocker.unblock():
        article.reviewed_by, article.last_reviewed, article.next_review_due = before
        article.save()


def test_longest_article_prints_on_two_sheets(printer, reviewed_article):
    assert page_count(printer(reviewed_article.get_absolute_url())) <= MAX_SHEETS


def test_every_tip_page_prints_on_two_sheets(printer):
    paths = [tip_page.get_absolute_url() for tip_page in TipPage.objects.published()]
    assert paths

    counts = {path: page_count(printer(path)) for path in paths}

    assert max(counts.values()) <= MAX_SHEETS, counts


@pytest.mark.parametrize("nation", list(Nation))
def test_help_page_of_a_nation_prints_on_two_sheets(printer, nation):
    assert page_count(printer(f"/help/{nation.value}/")) <= MAX_SHEETS


def test_help_page_for_the_whole_uk_prints_on_three_sheets(printer):
    """Every service of all four nations: not the handout (one nation's page is), but short."""
    assert page_count(printer("/help/")) <= 3


def test_printed_article_keeps_what_a_reader_on_paper_needs(printer, live_site, reviewed_article):
    path = reviewed_article.get_absolute_url()
    text = pdf_text(printer(path))

    assert live_site.url + path in unbroken(text)
    assert "gives general information, not medical advice" in text
    assert "In an emergency call 999" in text
    assert "For urgent advice call 111" in text
    assert "Last reviewed" in text
    assert reviewed_article.last_reviewed.strftime("%B %Y") in text


def test_printed_links_are_followed_by_their_address(printer, live_site, reviewed_article):
    text = unbroken(pdf_text(printer(reviewed_article.get_absolute_url())))
    resource = reviewed_article.resources.exclude(url="").first()

    assert f"Website({resource.url})" in text
    # A link within the site is printed in full: the site's address comes from <html data-site>.
    assert f"Seealltheplacestogethelp({live_site.url}/help/)" in text


def test_phone_links_show_their_number_on_paper(printer):
    printer("/help/wales/")
    links = printer.page.eval_on_selector_all(
        'main a[href^="tel:"]', "links => links.map(link => [link.href, link.innerText])"
    )

    assert links
    for href, words in links:
        number = re.sub(r"^\+44", "0", href.removeprefix("tel:"))
        assert re.sub(r"\D", "", number) in re.sub(r"\D", "", words), (href, words)


def test_screen_furniture_is_not_printed(printer, reviewed_article):
    text = pdf_text(printer(reviewed_article.get_absolute_url()))

    for words in (
        "Leave this site quickly",
        "Skip to main content",
        "Share this page",
        "Sharing several pages?",
        "Was this page helpful?",
    ):
        assert words not in text


def test_cards_never_split_and_headings_never_end_a_sheet(printer):
    printer("/help/wales/")
    page = printer.page
    page.emulate_media(media="print")
    styles = page.evaluate(
        """() => ({
          inside: [...document.querySelectorAll(".resource, .callout")]
            .map(el => getComputedStyle(el).breakInside),
          after: [...document.querySelectorAll("main h1, main h2, main h3")]
            .map(el => getComputedStyle(el).breakAfter),
        })"""
    )
    page.emulate_media(media="no-override")

    assert styles["inside"] and set(styles["inside"]) == {"avoid"}
    assert styles["after"] and set(styles["after"]) == {"avoid"}


@pytest.mark.parametrize("path", ["/help/wales/", "/tips/settling-and-soothing/"])
def test_print_is_dark_on_white_in_either_scheme(printer, path, tmp_path):
    sheet = first_sheet(printer(path), tmp_path)
    pixels = sheet.tobytes()

    corners = [sheet.getpixel((x, y)) for x in (0, sheet.width - 1) for y in (0, sheet.height - 1)]
    assert corners == [255] * 4, printer.scheme
    # Text and rules, shrunk to grey, cover little; a dark card behind them would be near black
    # (the dark scheme's own surfaces made 56% of the help page's sheet near black).
    assert sum(value < 60 for value in pixels) / len(pixels) < 0.05, printer.scheme
    assert sum(value > 240 for value in pixels) / len(pixels) > 0.6, printer.scheme
