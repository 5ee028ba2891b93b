"""A real Chromium, a live server with the starter content, and a way to open pages in them.

The tools come from outside Python: Debian's Chromium, Playwright for Python (the test extras)
and axe-core's JavaScript (``npm ci``). When one is missing every test here is skipped with a
message saying what to install, except on CI (``CI=true``), where a missing tool fails the run.

The tests only read pages, so the starter content is loaded once for the package, committed,
and flushed when the package ends, as pytest-django's ``transactional_db`` would flush after each
test (loading and flushing for every test would add a third to the run). The tests are marked
``django_db`` because pytest-django creates only the databases that the selected tests declare;
each test's own transaction is rolled back, a formality since the tests write nothing.

One Chromium serves the package. Each module reads its pages in one tab of its own (``visit``):
what the tests check there, the page as rendered, does not depend on what the browser has
cached. A test that checks what a page asks the network for opens a new browser context
(``fresh_visit``), so its first visit starts with an empty cache, as a reader's first visit does.

Static files are collected once for the package with the project's own static storage, and the
live server sends them as production does: WhiteNoise, hashed names, Brotli or gzip. What a page
weighs here (tests/browser/test_network.py) is then what a reader downloads.
"""

import importlib
import io
import os
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.test import modify_settings, override_settings

from tests.support.browser import AXE_JS, CHROMIUM, CHROMIUM_ARGS, Tab
from tests.support.pages import BROWSER_PAGE_TYPES
from tests.support.tools import REPO, missing_tool
from tests.support.world import starter_world

TRANSFERS = pytest.StashKey[dict]()


def production_static_settings(root):
    """Settings under which static files are collected into ``root`` and served from it as in
    production: the project's own static storage (hashed names, each file also stored Brotli-
    and gzip-compressed), not the plain one the rest of the suite uses (tests/conftest.py)."""
    project = importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
    storages = {**settings.STORAGES, "staticfiles": project.STORAGES["staticfiles"]}
    return {"STATIC_ROOT": root, "STORAGES": storages}


@pytest.fixture(scope="package")
def production_static(tmp_path_factory):
    """Static files collected once for the package, as a deployment collects them, and the
    settings that serve them, for as long as the package runs.

    Collecting takes a few seconds, so it is done once; nothing in this package writes there.
    """
    with override_settings(**production_static_settings(tmp_path_factory.mktemp("static"))):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield settings.STATIC_ROOT


@pytest.fixture(autouse=True)
def plain_static_storage(production_static):
    """Replaces the suite's fixture of this name (tests/conftest.py), which gives each test an
    empty folder and plain names: here every test keeps the package's collected files and
    hashed names, the ones the live server was started to serve."""
    return production_static


@pytest.fixture(scope="package")
def browser_server(request, production_static, django_db_setup):
    """pytest-django's live server, for this package, started after the test database exists,
    serving static files as production does.

    Not named ``live_server``: pytest-django would then flush the database after every test.
    Started after ``django_db_setup``, the server sees that the test database is SQLite in
    memory and shares the tests' connection with its request threads (started before, each
    thread opens a connection that nothing closes: a ResourceWarning, so an error here).

    Static files: WhiteNoise reads STATIC_ROOT once, when the server builds its handler, so
    the files are collected before (``production_static``). Django's live server would answer
    ``/static/`` itself from the finders, uncompressed, before WhiteNoise sees the request; it
    is left out, so WhiteNoise sends the hashed files, Brotli- or gzip-compressed as the
    browser's Accept-Encoding asks, as in production.
    """
    from pytest_django.live_server_helper import LiveServer

    address = (
        request.config.getvalue("liveserver")
        or os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(address, start=False)
    server.thread.static_handler = lambda handler: handler  # no finders: WhiteNoise serves
    server.start()
    with modify_settings(ALLOWED_HOSTS={"append": server.thread.host}):
        yield server
    server.stop()


@dataclass
class LiveSite:
    """The live server's address, and the path of each page type on it."""

    url: str
    paths: dict = field(default_factory=dict)

    def page_url(self, page_type):
        return self.url + self.paths[page_type]


@pytest.fixture(scope="package")
def live_site(browser_server, django_db_blocker):
    """The starter content, committed, on the live server: realistic text on every page type.

    Its pages are the page types of tests/support/pages.py, read from the starter content as a
    world: the article and tip page are the heaviest of their kind.
    """
    with django_db_blocker.unblock():
        call_command("load_starter_content", stdout=io.StringIO())
        world = starter_world()
        paths = {page_type.name: page_type.url(world) for page_type in BROWSER_PAGE_TYPES}
    yield LiveSite(url=browser_server.url, paths=paths)
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="package")
def browser(live_site):
    """One headless Chromium for the package, started after the content is loaded.

    It depends on ``live_site`` only so that the content is loaded before Playwright starts and
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


@pytest.fixture(scope="module")
def module_tab(browser, live_site):
    tab = Tab(browser, live_site)
    yield tab
    tab.close()


@pytest.fixture
def visit(module_tab):
    """``visit(page_type, viewport, scheme)`` opens a page in the module's tab."""
    return module_tab.open


@pytest.fixture
def fresh_visit(browser, live_site):
    """``fresh_visit(page_type, viewport, scheme)`` opens a page in a tab of this test's own
    browser context: its first visit starts with an empty cache, and later visits in the same
    test reuse the tab."""
    tab = Tab(browser, live_site)
    yield tab.open
    tab.close()


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
