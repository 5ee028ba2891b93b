"""The home page, the error pages, the sitemap and the feed, read from the test world
(tests/support/world.py)."""

import pytest
from django.test import RequestFactory
from pytest_django.asserts import assertContains, assertNotContains

from core.models import Status
from tests.support.factories import make_tip_page
from tests.support.markup import assert_public_page, links_to
from website import errors

# Home


def test_home_shows_stages_topics_latest_articles_and_urgent_help(client, world):
    response = client.get("/")

    assertContains(response, "Newborn")
    assertContains(response, "0 to 3 months")
    assertContains(response, "Crying and settling")
    assertContains(response, "Why newborns cry")
    assertContains(response, "Emergency services")
    assertContains(response, "NHS 111 England")
    assertNotContains(response, "Parent Helpline UK")  # not urgent: it lives on /help/
    assert links_to(response, "/guidance/?stage=newborn")
    assert links_to(response, "/guidance/?topic=crying")


def test_home_features_the_featured_tip_page_and_its_first_tip(client, world):
    response = client.get("/")

    assertContains(response, "Settling your baby")
    assertContains(response, "When your voice is slow and soft, my body starts to settle.")
    assert links_to(response, "/tips/settling/")


def test_home_hides_draft_and_scheduled_content(client, world):
    make_tip_page(title="Draft featured tips", featured=True, status=Status.DRAFT)

    response = client.get("/")

    assertNotContains(response, "Secret draft guidance")
    assertNotContains(response, "Scheduled future guidance")
    assertNotContains(response, "Draft featured tips")


# Not found and server error pages


@pytest.mark.parametrize(
    "url", ["/no-such-page/", "/guidance/no-such-article/", "/tips/no-such-tips/", "/a/b/c/"]
)
def test_unknown_address_gives_a_helpful_not_found_page(client, world, url):
    response = client.get(url)

    assert response.status_code == 404
    assert_public_page(response)
    assertContains(response, "find that page", status_code=404)
    assert len(links_to(response, "/help/")) > 1, "only the header links to help"
    assert links_to(response, "/guidance/")
    assert links_to(response, "/search/")


def test_server_error_page_links_to_help():
    request = RequestFactory().get("/guidance/broken/")

    response = errors.server_error(request)

    assert response.status_code == 500
    assert links_to(response, "/help/")
    assert links_to(response, "tel:999")


def test_server_error_page_names_the_site(settings):
    response = errors.server_error(RequestFactory().get("/"))

    assert f">{settings.SITE_NAME}</a>" in response.text
    assert f"<title>Something went wrong \N{EN DASH} {settings.SITE_NAME}</title>" in response.text


def test_server_error_page_falls_back_to_plain_html_if_the_template_breaks(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("template engine down")

    monkeypatch.setattr(errors.loader, "render_to_string", broken)

    response = errors.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert response.content.decode() == errors.FALLBACK_500
    assert "The 500 page could not be rendered" in caplog.text


def test_an_unhandled_error_gets_the_server_error_page(client, world, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr("guidance.views.Stage.objects.all", explode)
    client.raise_request_exception = False

    response = client.get("/guidance/")

    assert response.status_code == 500
    assert links_to(response, "/help/")


# Sitemap, robots.txt and feed


def test_sitemap_lists_public_pages_only(client, world):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    for path in (
        "/",
        "/guidance/",
        "/tips/",
        "/help/",
        "/guidance/crying-newborn/",
        "/guidance/toddler-sleep/",
        "/tips/settling/",
        "/about/",
    ):
        assertContains(response, f"<loc>http://testserver{path}</loc>")
    for path in (
        "/guidance/draft-article/",
        "/guidance/scheduled-article/",
        "/tips/draft-tips/",
        "/tips/scheduled-tips/",
        "/draft-page/",
        "/later/",
    ):
        assertNotContains(response, path)


def test_feed_lists_newest_public_articles_and_tip_pages(client, world):
    response = client.get("/feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assertContains(response, "<title>Why newborns cry</title>")
    assertContains(response, "<title>Settling your baby</title>")
    assertContains(response, "Crying is how newborns talk to you.")
    assertContains(response, "What your baby might tell you at bedtime.")
    assertContains(response, "http://testserver/guidance/crying-newborn/")
    for hidden in (
        "Secret draft guidance",
        "Scheduled future guidance",
        "Draft tip page",
        "Scheduled tip page",
    ):
        assertNotContains(response, hidden)
