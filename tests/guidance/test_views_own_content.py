"""Guidance pages on a site holding only what each test makes: away from the test world, whose
articles and help lines would change what these count."""

import pytest
from pytest_django.asserts import assertContains

from guidance.views import ARTICLES_PER_PAGE
from tests.support.factories import make_article
from tests.support.markup import links_to

pytestmark = pytest.mark.django_db


def test_article_list_is_paginated(client):
    for number in range(ARTICLES_PER_PAGE + 3):
        make_article(title=f"Article {number:02d}")

    first = client.get("/guidance/")
    last = client.get("/guidance/?page=999")

    assert len(first.context["page_obj"]) == ARTICLES_PER_PAGE
    assert last.context["page_obj"].number == 2
    assert len(last.context["page_obj"]) == 3
    assert links_to(first, "?page=2")


def test_help_page_for_a_nation_with_no_resources_says_where_to_go(client):
    response = client.get("/help/scotland/")

    assert response.status_code == 200
    assertContains(response, "999")
