"""The "Leave this site quickly" control, as the server sends it: on every public page and no
staff page, a plain link to the neutral address that our deferred script takes over, and the
same bytes for every anonymous visitor. What it does in a browser is in
tests/browser/test_quick_exit.py."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.template import loader
from django.test import Client
from django.urls import reverse

from starter.loader import read as read_starter
from tests.support import pages
from tests.support.markup import elements, links_to

DEFAULT_EXIT = "https://www.bbc.co.uk/weather"


def exit_links(response_or_html):
    return elements(response_or_html, "a", class_="quick-exit__link")


def quick_exit_scripts(response):
    return [
        script
        for script in elements(response, "script")
        if script.get("src", "").endswith("/js/quick-exit.js")
    ]


@pytest.mark.parametrize("page_type", pages.params(pages.HTML_PAGE_TYPES))
def test_every_public_page_has_the_exit_link_and_its_deferred_script(client, world, page_type):
    response = client.get(page_type.url(world))

    [link] = exit_links(response)
    assert link["href"] == DEFAULT_EXIT
    assert link["rel"] == "noreferrer"
    assert "target" not in link
    assert "data-quick-exit" in link
    [script] = quick_exit_scripts(response)
    assert "defer" in script


def test_the_exit_link_comes_straight_after_the_skip_link(client, world):
    first, second, *_ = elements(client.get("/"), "a")

    assert "skip-link" in first["class"].split()
    assert "data-quick-exit" in second


def test_the_exit_link_goes_where_the_site_settings_say():
    settings_record = SimpleNamespace(quick_exit_url="https://example.org/neutral")

    html = loader.render_to_string("base.html", {"site_settings": settings_record})

    [link] = exit_links(html)
    assert link["href"] == "https://example.org/neutral"


def test_staff_pages_have_no_exit_link(admin_client, client, world):
    login = client.get(reverse("accounts:login"))
    admin_index = admin_client.get(reverse("admin:index"))

    for response in (login, admin_index):
        assert response.status_code == 200
        assert not exit_links(response)
        assert not quick_exit_scripts(response)


@pytest.mark.parametrize("page_type", pages.params(pages.named("home", "article", "help")))
def test_a_page_is_the_same_bytes_for_two_anonymous_visitors(world, page_type):
    """Rendered afresh for each visitor (the page cache emptied between them), so the sameness
    comes from the template, not from a cached copy."""
    url = page_type.url(world)
    first = Client().get(url)
    cache.clear()
    second = Client().get(url)

    assert first.content == second.content
    assert not first.cookies and not second.cookies
    assert "Cookie" not in first.get("Vary", "")


def test_the_footer_links_to_browsing_safely(client, world):
    response = client.get("/")

    assert links_to(response, "/browsing-safely/")


def test_browsing_safely_is_starter_content_about_leaving_quickly_and_the_silent_solution():
    [page] = [page for page in read_starter().pages if page["slug"] == "browsing-safely"]

    for words in ("Leave this site quickly", "Shift key three times", "press 55", "private"):
        assert words in page["body"], words
