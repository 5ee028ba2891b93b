"""
Share packs in a real Chromium: pages added to a pack from their own pages with the script
and found ticked on /p/new/; a full pack's sheet printed to PDF on exactly one A4 page; the
builder, a pack and its sheet checked with axe-core, in both colour schemes and at 320 px.
"""

import re

import pytest

from sharing.models import MAX_PAGES, Pack
from sharing.packs import pack_kinds
from tests.support.browser import (
    AXE_TAGS,
    NARROWEST,
    OVERFLOW_JS,
    PHONE,
    RUN_AXE_JS,
    format_violation,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Page objects of a PDF, not the /Pages tree that holds them.
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


@pytest.fixture
def tab(browser, live_site):
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    yield page
    context.close()


def axe_violations(page, axe_source):
    page.evaluate(axe_source)
    found = page.evaluate(RUN_AXE_JS, AXE_TAGS)["violations"]
    return [format_violation(page.url, violation) for violation in found]


@pytest.fixture(scope="module")
def pack_address(live_site, django_db_blocker):
    """A pack of the most pages a pack holds, from the starter content, committed (the live
    server cannot see what a test's own transaction writes, nor write beside it)."""
    with django_db_blocker.unblock():
        items = [
            {"kind": kind.name, "id": pk}
            for kind in pack_kinds()
            for pk in kind.model.objects.published().values_list("pk", flat=True)
        ][:MAX_PAGES]
        assert len(items) == MAX_PAGES
        pack = Pack.objects.create(
            code="sheet234", title="Crying and settling in the first weeks", items=items
        )
    yield live_site.url + pack.get_absolute_url()
    with django_db_blocker.unblock():
        Pack.objects.filter(pk=pack.pk).delete()


def test_pages_added_from_their_own_page_are_ticked_on_the_builder(tab, live_site):
    tab.goto(live_site.page_url("article"))
    tab.get_by_role("button", name="Add this page to a pack").click()
    assert tab.get_by_role("button", name="Take this page out of the pack").is_visible()
    assert "1 page in your pack." in tab.locator("[data-pack-status]").inner_text()

    tab.goto(live_site.url + "/p/new/")
    ticked = tab.locator("form[data-pack-form] input[type=checkbox]:checked")
    assert ticked.count() == 1
    boxes = tab.locator("form[data-pack-form] input[type=checkbox]")
    boxes.nth(0 if not boxes.nth(0).is_checked() else 1).check()
    stored = tab.evaluate("() => JSON.parse(localStorage.getItem('littlevoices.pack'))")
    assert len(stored) == 2

    # Taken out again on its own page.
    tab.goto(live_site.page_url("article"))
    tab.get_by_role("button", name="Take this page out of the pack").click()
    stored = tab.evaluate("() => JSON.parse(localStorage.getItem('littlevoices.pack'))")
    assert len(stored) == 1
    assert tab.errors == []


def test_a_full_pack_s_sheet_prints_on_one_a4_page(tab, pack_address, tmp_path):
    tab.goto(pack_address)
    assert tab.locator(".pack-pages > li").count() == MAX_PAGES

    tab.goto(pack_address + "sheet/")
    assert tab.locator(".pack-sheet__pages > li").count() == MAX_PAGES
    tab.emulate_media(media="print")
    pdf = tab.pdf(
        format="A4",
        print_background=True,
        margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"},
    )
    (tmp_path / "sheet.pdf").write_bytes(pdf)
    assert len(PDF_PAGE.findall(pdf)) == 1
    assert tab.errors == []


@pytest.mark.parametrize("where", ["new", "pack", "sheet"])
def test_the_pack_pages_pass_axe_and_fit_the_narrowest_screen(
    tab, live_site, pack_address, axe_source, where
):
    url = {
        "new": live_site.url + "/p/new/",
        "pack": pack_address,
        "sheet": pack_address + "sheet/",
    }[where]

    for scheme in ("light", "dark"):
        tab.emulate_media(color_scheme=scheme)
        tab.goto(url)
        assert axe_violations(tab, axe_source) == [], f"{where} in {scheme}"
    tab.set_viewport_size(NARROWEST)
    tab.goto(url)
    assert tab.evaluate(OVERFLOW_JS) is None
    assert tab.errors == []
