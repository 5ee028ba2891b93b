"""A real Chromium, a live server with the starter content, and a way to open pages in them.

The tools come from outside Python: Debian's Chromium, Playwright for Python (the test extras)
and axe-core's JavaScript (``npm ci``). When one is missing every test here is skipped with a
message saying what to install, except on CI (``CI=true``), where a missing tool fails the run.

The tests only read pages, so the starter content is loaded once for the package, committed,
and flushed when the package ends, as pytest-django's ``transactional_db`` would flush after each
test (loading and flushing for every test would add a third to the run). The tests are marked
``django_db`` because pytest-django creates only the databases that the selected tests declare;
each test's own transaction is rolled back, a formality since the tests write nothing. Each
test opens its own browser context in the one Chromium the package shares.
"""

import io
import os
from dataclasses import dataclass, field

import pytest
from django.core.management import call_command
from django.db import connections
from django.test import modify_settings, override_settings

from guidance.models import Article
from tips.models import TipPage

from .support import AXE_JS, CHROMIUM, CHROMIUM_ARGS, PAGE_TYPES, PHONE, REPO

TRANSFERS = pytest.StashKey[dict]()


def missing_tool(message):
    """Skip, or fail on CI, where the browser tests must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI=true, so this fails rather than skips)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="package")
def browser_server(request, tmp_path_factory, django_db_setup):
    """pytest-django's live server, for this package, started after the test database exists.

    Not named ``live_server``: pytest-django would then flush the database after every test.
    Started after ``django_db_setup``, the server sees that the test database is SQLite in
    memory and shares the tests' connection with its request threads (started before, each
    thread opens a connection that nothing closes: a ResourceWarning, so an error here).
    WhiteNoise reads STATIC_ROOT once, when the server builds its handler, which is before the
    per-test ``plain_static_storage`` fixture runs: it gets an empty folder, as ``var/static``
    may not exist. The server serves static files from the finders itself, as ``runserver``
    does.
    """
    from pytest_django.live_server_helper import LiveServer

    address = (
        request.config.getvalue("liveserver")
        or os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    with override_settings(STATIC_ROOT=tmp_path_factory.mktemp("static")):
        server = LiveServer(address)
    with modify_settings(ALLOWED_HOSTS={"append": server.thread.host}):
        yield server
    server.stop()


@dataclass
class Site:
    """The live server's address, and the path of each page type on it."""

    url: str
    paths: dict = field(default_factory=dict)

    def page_url(self, page_type):
        return self.url + self.paths[page_type]


@pytest.fixture(scope="package")
def site(browser_server, django_db_blocker):
    """The starter content, committed, on the live server: realistic text on every page type."""
    with django_db_blocker.unblock():
        call_command("load_starter_content", stdout=io.StringIO())
        paths = dict(PAGE_TYPES)
        # The longest article and the tip page with the most tips: the heaviest pages.
        paths["article"] = max(
            Article.objects.published(), key=lambda article: len(article.body)
        ).get_absolute_url()
        paths["tip-page"] = max(
            TipPage.objects.published(), key=lambda tip_page: tip_page.tips.count()
        ).get_absolute_url()
    yield Site(url=browser_server.url, paths=paths)
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="package")
def browser(site):
    """One headless Chromium for the package, started after the content is loaded.

    It depends on ``site`` only so that the content is loaded before Playwright starts and
    flushed after it stops: see below.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_tool(
            "Playwright for Python is not installed: pip install -e '.[test]' "
            "(or .venv/bin/pip install playwright)"
        )
    if not CHROMIUM.exists():
        missing_tool(f"Chromium is not installed at {CHROMIUM}: apt-get install chromium")
    with pytest.MonkeyPatch.context() as patch:
        # Playwright's sync API keeps an asyncio event loop marked as running in this thread
        # for as long as it is started, so Django refuses ORM calls made here meanwhile (each
        # test's transaction, opened and rolled back by pytest-django) with "You cannot call
        # this from an async context". Nothing runs concurrently with them: the test blocks
        # while Playwright works, and the live server answers from its own threads. The
        # variable is set only while this package's browser runs, and Playwright stops when
        # the package's tests end, so the rest of the suite keeps Django's check.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            yield chromium
            chromium.close()
            # While a loop runs in a thread, Django keeps that thread's database connections
            # apart from the ones it uses when none runs (asgiref's thread-critical Local), so
            # the tests' connection would outlive Playwright, unreachable and open: PostgreSQL
            # then refuses to drop the test database. Close it while it can still be reached.
            connections.close_all()


@pytest.fixture(scope="package")
def axe_source():
    if not AXE_JS.exists():
        missing_tool(f"axe-core is not installed at {AXE_JS}: run npm ci in {REPO}")
    return AXE_JS.read_text(encoding="utf-8")


@dataclass
class Visit:
    """A page as opened, with what it asked for and what it logged as errors."""

    page: object
    url: str
    status: int
    requests: list
    console_errors: list


@pytest.fixture
def visit(browser, site):
    """``visit(page_type, viewport, scheme)`` opens a page in this test's own browser context.

    The context is new for each test, so its first visit starts with an empty cache. Later
    visits in the same test reuse its tab, resizing it and switching the colour scheme (the same
    media emulation as the context's ``color_scheme`` option): a fresh renderer per visit would
    make the suite several times slower.
    """
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    page = context.new_page()
    current = {}
    page.on("request", lambda request: current["requests"].append(request))
    page.on(
        "console",
        lambda message: message.type == "error" and current["console_errors"].append(message),
    )
    page.on("pageerror", lambda error: current["console_errors"].append(error))

    def open_page(page_type, viewport=PHONE, scheme="light"):
        current["requests"], current["console_errors"] = [], []
        page.set_viewport_size(viewport)
        page.emulate_media(color_scheme=scheme)
        url = site.page_url(page_type)
        response = page.goto(url, wait_until="load")
        return Visit(page, url, response.status, current["requests"], current["console_errors"])

    yield open_page
    context.close()


@pytest.fixture
def transfer_log(request):
    """Bytes each page type took on a first visit, printed at the end of the run."""
    return request.config.stash.setdefault(TRANSFERS, {})


def pytest_terminal_summary(terminalreporter, config):
    transfers = config.stash.get(TRANSFERS, None)
    if not transfers:
        return
    terminalreporter.section("first-visit transfer per page type (budget 45 KB)")
    for page_type, (total, files) in transfers.items():
        terminalreporter.write_line(f"{page_type:<18} {total:>7,} bytes   {files}")
