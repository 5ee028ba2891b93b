"""What each public page asks the network for: only our own origin, no errors, little weight."""

import pytest

from .support import PAGE_TYPES, PHONE, SCHEMES, TRANSFER_BUDGET, VIEWPORTS

# django_db: pytest-django makes the test database, which the live server reads (see conftest).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def expected_status(page_type):
    return 404 if page_type == "not-found" else 200


def is_expected_error(opened, page_type, message):
    """The 404 page's own status is logged as a console error; nothing else may be."""
    return (
        page_type == "not-found"
        and getattr(message, "location", {}).get("url") == opened.url
        and "404" in message.text
    )


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_asks_only_our_origin_and_logs_no_errors(visit, site, page_type):
    problems = []
    for viewport_name, viewport in VIEWPORTS.items():
        for scheme in SCHEMES:
            opened = visit(page_type, viewport, scheme)
            label = f"[{page_type} {opened.url} {viewport_name} {scheme}]"
            if opened.status != expected_status(page_type):
                problems.append(f"{label} answered {opened.status}")
            problems += [
                f"{label} request to another origin: {request.method} {request.url}"
                for request in opened.requests
                if not request.url.startswith(site.url + "/")
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
def test_first_visit_transfer_is_within_budget(visit, transfer_log, page_type):
    opened = visit(page_type, PHONE)
    # Nothing more may load after the load event (a favicon, a lazy image): wait for quiet.
    opened.page.wait_for_load_state("networkidle")
    files = []
    for request in opened.requests:
        sizes = request.sizes()
        name = "page" if request.url == opened.url else request.url.rsplit("/", 1)[-1]
        files.append((name, sizes["responseHeadersSize"] + max(sizes["responseBodySize"], 0)))
    total = sum(size for _, size in files)
    listing = " + ".join(f"{name} {size:,}" for name, size in files)
    transfer_log[page_type] = (total, listing)
    print(f"{page_type}: {total:,} bytes ({listing})")
    assert total <= TRANSFER_BUDGET, (
        f"{opened.url} took {total:,} bytes on a first visit, over the budget of "
        f"{TRANSFER_BUDGET:,}: {listing}"
    )
