""" "Leave this site quickly" in a real Chromium: the link and Shift pressed three times swap our
page for a neutral one, blank it at once, keep it out of Back, send no Referer, and still work
as a plain link without JavaScript; the control passes axe-core, reflows at 320 px and covers
neither the urgent-help link nor the page at the top.

The neutral page is served by a small HTTP server on 127.0.0.1 that the module starts (another
origin than the live site on localhost), and the site's exit address is pointed at it by a
context processor standing in for the site settings record.
"""

import copy
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings

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

EXIT_PATH = "/weather"
# Longer than the script's one second: presses this far apart do not add up.
PAUSE_MS = 1200

RECTS_JS = """() => {
  const box = el => { const r = el.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; };
  return {exit: box(document.querySelector(".quick-exit__link")),
          urgent: box(document.querySelector(".urgent-help"))};
}"""


def overlap(a, b):
    """Whether two boxes from RECTS_JS share any area."""
    across = a["left"] < b["right"] and b["left"] < a["right"]
    down = a["top"] < b["bottom"] and b["top"] < a["bottom"]
    return across and down


class NeutralPage(BaseHTTPRequestHandler):
    """Any address answers with a plain page, and the Referer each address was asked with is
    kept."""

    def do_GET(self):
        self.server.referers[self.path] = self.headers.get("Referer")
        body = b"<!doctype html><html lang='en'><title>Weather</title><h1>Weather</h1></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        """Quiet: the test reads what it needs from ``referers``."""


@pytest.fixture(scope="module")
def neutral_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), NeutralPage)
    server.referers = {}
    thread = threading.Thread(target=server.serve_forever)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    yield SimpleNamespace(
        exit_url=url + EXIT_PATH, before_url=url + "/before", referers=server.referers
    )
    server.shutdown()
    server.server_close()
    thread.join()


def neutral_site_settings(request):
    """Stands in for the site settings record: the exit goes to the module's neutral server."""
    return {"site_settings": SimpleNamespace(quick_exit_url=django_settings.QUICK_EXIT_TEST_URL)}


@pytest.fixture
def neutral(neutral_server, settings):
    """The live site's exit link pointed at the neutral server, for this test."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["OPTIONS"]["context_processors"].append(f"{__name__}.neutral_site_settings")
    settings.TEMPLATES = templates
    settings.QUICK_EXIT_TEST_URL = neutral_server.exit_url
    neutral_server.referers.clear()
    return neutral_server


@pytest.fixture
def new_tab(browser):
    """``new_tab(javascript=True)``: a phone-sized tab in a browser context of its own, so no
    history or cache is shared between tests."""
    contexts = []

    def make(javascript=True):
        context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def open_article(tab, live_site, neutral):
    """Our article, opened after a page of another site, as a parent would arrive from one."""
    tab.goto(neutral.before_url)
    url = live_site.page_url("article")
    tab.goto(url, wait_until="load")
    return url


def test_the_link_replaces_our_page_with_the_neutral_one(new_tab, live_site, neutral):
    tab = new_tab()
    open_article(tab, live_site, neutral)

    tab.click(".quick-exit__link")
    tab.wait_for_url(neutral.exit_url)

    assert tab.title() == "Weather"
    # The script sends no Referer, as the plain link's rel="noreferrer" does: the neutral site
    # is not told where the parent came from.
    assert neutral.referers[EXIT_PATH] is None


def test_back_after_leaving_goes_to_the_page_before_ours(new_tab, live_site, neutral):
    """location.replace() swaps our history entry for the neutral page: Chromium keeps as many
    entries as before (a new tab's blank page, the page before, and now the neutral page in our
    page's place), so Back skips our page. Only the page the parent was on is replaced; pages of
    ours read before it would stay in the history."""
    tab = new_tab()
    open_article(tab, live_site, neutral)
    entries = tab.evaluate("history.length")

    tab.click(".quick-exit__link")
    tab.wait_for_url(neutral.exit_url)
    assert tab.evaluate("history.length") == entries
    tab.evaluate("history.back()")
    tab.wait_for_url(neutral.before_url)

    assert tab.url == neutral.before_url


def test_the_page_is_blanked_before_the_neutral_page_arrives(new_tab, live_site, neutral):
    tab = new_tab()
    url = open_article(tab, live_site, neutral)
    # The neutral site answers "no content": the browser stays on our page, as it would while a
    # slow neutral page loads, and shows what the script left of it.
    tab.route(neutral.exit_url, lambda route: route.fulfill(status=204))

    tab.click(".quick-exit__link")
    tab.wait_for_function("document.body.hidden")

    assert tab.url == url
    assert not tab.locator("main").is_visible()


def test_shift_three_times_leaves(new_tab, live_site, neutral):
    tab = new_tab()
    open_article(tab, live_site, neutral)

    for _ in range(3):
        tab.keyboard.press("Shift")
    tab.wait_for_url(neutral.exit_url)

    assert tab.title() == "Weather"


def assert_still_here(tab, url):
    tab.wait_for_timeout(400)
    assert tab.url == url
    assert not tab.evaluate("document.body.hidden")


def test_two_shifts_then_a_pause_then_one_more_does_not_leave(new_tab, live_site, neutral):
    tab = new_tab()
    url = open_article(tab, live_site, neutral)

    tab.keyboard.press("Shift")
    tab.keyboard.press("Shift")
    tab.wait_for_timeout(PAUSE_MS)
    tab.keyboard.press("Shift")

    assert_still_here(tab, url)


def test_shift_held_for_capital_letters_does_not_leave(new_tab, live_site, neutral):
    tab = new_tab()
    url = open_article(tab, live_site, neutral)

    for letter in "ABC":
        tab.keyboard.press(f"Shift+{letter}")

    assert_still_here(tab, url)


def test_without_javascript_it_is_a_plain_link_there(new_tab, live_site, neutral):
    """Without the script the link is an ordinary navigation: the neutral page arrives, with no
    Referer (rel="noreferrer"), but our page stays in the history behind it."""
    tab = new_tab(javascript=False)
    url = open_article(tab, live_site, neutral)
    entries = tab.evaluate("history.length")

    tab.click(".quick-exit__link")
    tab.wait_for_url(neutral.exit_url)

    assert tab.title() == "Weather"
    assert neutral.referers[EXIT_PATH] is None
    assert tab.evaluate("history.length") == entries + 1
    tab.go_back()
    assert tab.url == url


def test_the_control_passes_axe_reflows_and_covers_nothing(visit, axe_source):
    problems = []
    opened = visit("home")
    opened.page.evaluate(axe_source)
    for name, viewport in {"320px": NARROWEST, "1280x800": DESKTOP}.items():
        opened.show_as(viewport)
        opened.page.evaluate("window.scrollTo(0, 0)")
        results = opened.page.evaluate(RUN_AXE_JS, AXE_TAGS)
        problems += [
            format_violation(f"home {opened.url} {name}", v) for v in results["violations"]
        ]
        if overflow := opened.page.evaluate(OVERFLOW_JS):
            problems.append(f"{name}: scrolls sideways: {overflow}")
        rects = opened.page.evaluate(RECTS_JS)
        if overlap(rects["exit"], rects["urgent"]):
            problems.append(f"{name}: the exit link covers the urgent-help link: {rects}")
        opened.page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        if opened.page.evaluate(RECTS_JS)["exit"]["top"] < 0:
            problems.append(f"{name}: the exit link scrolls off screen")
    assert not problems, "\n".join(problems)
