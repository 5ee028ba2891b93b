"""What each public page asks the network for: only our own origin, no errors, little weight."""

import re

import pytest

from tests.support.browser import PHONE, SCHEMES, TRANSFER_BUDGET, TRANSFER_BUDGETS, VIEWPORTS, Tab
from tests.support.pages import BROWSER_PAGE_TYPES, BY_NAME

# django_db: pytest-django makes the test database, which the live server reads (see conftest).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGE_TYPES = [page_type.name for page_type in BROWSER_PAGE_TYPES]
# Text files, which WhiteNoise keeps Brotli- and gzip-compressed next to each collected file.
COMPRESSED_STATIC = (".css", ".js", ".svg")
# ManifestStaticFilesStorage's name for a collected file: twelve hex digits of its content's hash.
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.\w+$")


def sent_as_in_production(request):
    """Whether a static text file came under its hashed name and compressed, as WhiteNoise
    sends it in production."""
    response = request.response()
    encoding = response.all_headers().get("content-encoding") if response else None
    return encoding in ("br", "gzip") and HASHED_NAME.search(request.url) is not None


def expected_status(page_type):
    return BY_NAME[page_type].status


def is_expected_error(opened, page_type, message):
    """The 404 page's own status is logged as a console error; nothing else may be."""
    return (
        page_type == "not-found"
        and getattr(message, "location", {}).get("url") == opened.url
        and "404" in message.text
    )


@pytest.fixture(scope="module")
def first_visits(browser, live_site, django_db_blocker):
    """``{page type: (tab, first visit)}``: each page type opened on a phone in a tab of a new
    browser context (an empty cache), as a reader's first visit, and left until the network is
    quiet: nothing more may load after the load event (a favicon, a lazy image).

    Quiet means half a second without a request, so the pages are all opened first and then
    waited for, side by side rather than one after another. They are opened before any test
    starts, so the live server may read the database only while they load.
    """
    tabs = {page_type: Tab(browser, live_site) for page_type in PAGE_TYPES}
    with django_db_blocker.unblock():
        opened = {page_type: (tab, tab.open(page_type, PHONE)) for page_type, tab in tabs.items()}
        for _, visit in opened.values():
            visit.page.wait_for_load_state("networkidle")
    yield opened
    for tab in tabs.values():
        tab.close()


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_asks_only_our_origin_and_logs_no_errors(first_visits, live_site, page_type):
    tab, first = first_visits[page_type]
    problems = []
    for viewport_name, viewport in VIEWPORTS.items():
        for scheme in SCHEMES:
            # The first visit, with an empty cache, then the others in the same tab.
            if (viewport, scheme) == (PHONE, "light"):
                opened = first
            else:
                opened = tab.open(page_type, viewport, scheme)
            label = f"[{page_type} {opened.url} {viewport_name} {scheme}]"
            if opened.status != expected_status(page_type):
                problems.append(f"{label} answered {opened.status}")
            problems += [
                f"{label} request to another origin: {request.method} {request.url}"
                for request in opened.requests
                if not request.url.startswith(live_site.url + "/")
            ]
            for request in opened.requests:
                # A request cut short by the next navigation (a late favicon) is not a fault.
                if request.failure and request.failure != "net::ERR_ABORTED":
                    problems.append(f"{label} failed request: {request.url} ({request.failure})")
                response = request.response() if not request.failure else None
                if response and response.status >= 400 and request.url != opened.url:
                    problems.append(f"{label} {request.url} answered {response.status}")
            problems += [
                f"{label} console error: {getattr(error, 'text', error)}"
                for error in opened.console_errors
                if not is_expected_error(opened, page_type, error)
            ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_first_visit_transfer_is_within_budget(first_visits, transfer_log, page_type):
    """What a reader's browser downloads on a first visit: the page and everything it loads, as
    sent over the wire. The live server sends static files as production does (see conftest:
    collected, hashed, precompressed, chosen by the Accept-Encoding Chromium sends), so each is
    checked to have come that way: uncompressed files would count several times their weight."""
    _, opened = first_visits[page_type]
    assert opened.status == expected_status(page_type), f"{opened.url} answered {opened.status}"
    not_as_in_production = [
        request.url
        for request in opened.requests
        if "/static/" in request.url
        and request.url.endswith(COMPRESSED_STATIC)
        and not sent_as_in_production(request)
    ]
    assert not not_as_in_production, (
        "static files not sent hashed and compressed, as production sends them: "
        + ", ".join(not_as_in_production)
    )
    files = []
    for request in opened.requests:
        sizes = request.sizes()
        name = "page" if request.url == opened.url else request.url.rsplit("/", 1)[-1]
        files.append((name, sizes["responseHeadersSize"] + max(sizes["responseBodySize"], 0)))
    total = sum(size for _, size in files)
    listing = " + ".join(f"{name} {size:,}" for name, size in files)
    transfer_log[page_type] = (total, listing)
    print(f"{page_type}: {total:,} bytes ({listing})")
    budget = TRANSFER_BUDGETS.get(page_type, TRANSFER_BUDGET)
    assert total <= budget, (
        f"{opened.url} took {total:,} bytes on a first visit, over the budget of "
        f"{budget:,}: {listing}"
    )
