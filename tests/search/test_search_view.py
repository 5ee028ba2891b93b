"""The search page with everyday, empty, hostile and over-long queries, over the test world
(tests/support/world.py)."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from guidance.models import Article
from tests.support.markup import assert_public_page, elements, links_to


def test_search_finds_published_content(client, world):
    response = client.get("/search/", {"q": "newborns"})

    assert response.status_code == 200
    assertContains(response, "Why newborns cry")
    assertNotContains(response, "Secret draft guidance")
    assert links_to(response, "/guidance/crying-newborn/")


def test_search_with_an_empty_query_shows_the_form_without_results(client, world):
    response = client.get("/search/", {"q": "   "})

    assert response.status_code == 200
    assert response.context["results"] is None
    assert elements(response, "input", name="q")


def test_search_with_no_results_suggests_where_to_go(client, world):
    response = client.get("/search/", {"q": "zyxwvut"})

    assert response.status_code == 200
    assert response.context["results"].count == 0
    assert links_to(response, "/help/")
    assert links_to(response, "/guidance/")


@pytest.mark.parametrize(
    "query_string",
    [
        "q=%27%3B+DROP+TABLE+guidance_article%3B+--",
        "q=%25%25%25",
        "q=%5C%5C",
        "q=%E2%80%9Ccrying%E2%80%9D",
        "q=-",
        "q=%FF%FE",
        "q=a&q=b",
        "q=!%26%7C():*",
    ],
)
def test_search_survives_junk_queries(client, world, query_string):
    response = client.get(f"/search/?{query_string}")

    assert response.status_code == 200
    assert Article.objects.count() == 4  # nothing dropped


@pytest.mark.parametrize("query_string", ["q=%00", "q=crying%00baby", "q=%01%1F%7F"])
def test_search_with_control_characters_is_never_a_server_error(client, world, query_string):
    response = client.get(f"/search/?{query_string}")

    assert response.status_code < 500
    assert_public_page(response)


@pytest.mark.parametrize("query_string", ["q=%00", "q=crying%00baby"])
def test_search_drops_nul_characters(client, world, query_string):
    response = client.get(f"/search/?{query_string}")

    assert response.status_code == 200


def test_search_escapes_the_query_it_shows(client, world):
    response = client.get("/search/", {"q": "<script>alert(1)</script>"})

    assert response.status_code == 200
    assertNotContains(response, "<script>alert(1)</script>")
    assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")


def test_search_shows_a_quoted_query_safely(client, world):
    response = client.get("/search/", {"q": "'; DROP TABLE guidance_article; --"})

    assert response.status_code == 200
    assertContains(response, "&#x27;; DROP TABLE guidance_article; --")
    assert Article.objects.count() == 4


def test_search_with_an_over_long_query_is_a_bad_request_with_a_message(client, world):
    response = client.get("/search/", {"q": "crying " * 40})

    assert response.status_code == 400
    assertContains(response, "200 letters or fewer", status_code=400)
    assert_public_page(response)


def test_search_accepts_a_query_of_the_maximum_length(client, world):
    assert client.get("/search/", {"q": "a" * 200}).status_code == 200
