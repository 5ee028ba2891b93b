"""The lists by stage and topic hold every catalogued kind (articles and tip pages), in the order
editors give them, and never end in a dead end: an empty list, like a search that finds nothing,
offers pages that do exist, the article to start with and urgent help. Each test makes its own
small site, away from the test world."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains

from core import kinds
from core.models import Status
from editorial import roles
from guidance.models import Article, StarterItem
from tests.support.factories import make_article, make_stage, make_tip_page, make_topic
from tests.support.formdata import change_url, form_data
from tests.support.markup import elements, links_to
from tests.support.starter import load
from tips.models import TipPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def sleep():
    """A topic with one article and one tip page on it, for newborns."""
    newborn, topic = make_stage(slug="newborn", title="Newborn"), make_topic(slug="sleep")
    make_article(slug="night-waking", title="Night waking", stages=[newborn], topics=[topic])
    make_tip_page(slug="settling", title="Settling", stages=[newborn], topics=[topic])
    return topic


def titles(response):
    return [entry.title for entry in response.context["page_obj"]]


# Tip pages beside articles


def test_articles_and_tip_pages_are_both_in_the_kinds_listed_by_stage_and_topic():
    listed = {kind.model for kind in kinds.where(in_catalogue=True)}

    assert {Article, TipPage} <= listed


def test_a_topic_lists_its_tip_pages_beside_its_articles_each_with_its_label(client, sleep):
    response = client.get("/guidance/?topic=sleep")

    assert titles(response) == ["Night waking", "Settling"]
    assert links_to(response, "/tips/settling/")
    assert links_to(response, "/guidance/night-waking/")
    assertContains(response, '<p class="card__kind">If your baby could speak</p>', html=True)
    assertContains(response, '<p class="card__kind">Guidance</p>', html=True)
    assert elements(response, "li", class_="card--tip_page")
    assertNotContains(response, "There is no guidance for this choice yet.")


def test_a_stage_lists_tip_pages_with_their_stage_tags(client, sleep):
    response = client.get("/guidance/?stage=newborn")

    assert titles(response) == ["Night waking", "Settling"]
    tip_page = response.context["page_obj"][1]
    assert [stage.title for stage in tip_page.stages] == ["Newborn"]


def test_draft_and_scheduled_tip_pages_stay_out_of_the_lists(client, sleep):
    make_tip_page(title="Draft tips", topics=[sleep], status=Status.DRAFT)

    assert titles(client.get("/guidance/?topic=sleep")) == ["Night waking", "Settling"]


def test_a_list_of_both_kinds_is_paginated_as_one(client):
    topic = make_topic(slug="play")
    for number in range(12):
        make_article(title=f"Article {number:02d}", topics=[topic])
        make_tip_page(title=f"Tips {number:02d}", topics=[topic], tips=1)

    first = client.get("/guidance/?topic=play")
    second = client.get("/guidance/?topic=play&page=2")

    assert len(first.context["page_obj"]) == 20
    assert len(second.context["page_obj"]) == 4
    assert set(titles(first)).isdisjoint(titles(second))


# Editors' order


def test_a_lower_order_comes_first_and_equal_orders_go_by_title(client, sleep):
    make_article(title="Zebra first", topics=[sleep], order=-1)
    make_tip_page(title="Apple last", topics=[sleep], order=5)

    response = client.get("/guidance/?topic=sleep")

    assert titles(response) == ["Zebra first", "Night waking", "Settling", "Apple last"]


def test_the_order_is_in_the_change_forms(admin_client, sleep):
    for page in (Article.objects.get(), TipPage.objects.get()):
        assert "order" in form_data(admin_client.get(change_url(page)))


# Start here


def test_only_one_article_is_the_start(sleep):
    first = make_article(title="First start", start_here=True)
    second = make_article(title="Second start", start_here=True)

    first.refresh_from_db()
    assert not first.start_here
    assert list(Article.objects.filter(start_here=True)) == [second]


def test_the_home_page_shows_the_start_here_article(client, sleep):
    make_article(slug="begin", title="Begin here", summary="The place to begin.", start_here=True)

    response = client.get("/")

    assert response.context["start_here"].title == "Begin here"
    assert links_to(response, "/guidance/begin/")
    assertContains(response, "The place to begin.")
    assert "Begin here" not in [article.title for article in response.context["latest_articles"]]


def test_the_home_page_has_no_start_box_until_one_is_chosen(client, sleep):
    make_article(title="Draft start", start_here=True, status=Status.DRAFT)

    response = client.get("/")

    assert response.context["start_here"] is None
    assertNotContains(response, "start-here-heading")


def test_only_a_publisher_can_choose_the_start(client_for):
    article = make_article(title="A draft", status=Status.DRAFT)

    editor_form = client_for(roles.EDITOR).get(change_url(article))
    publisher_form = client_for(roles.PUBLISHER).get(change_url(article))

    assert "order" in form_data(editor_form)
    assert not elements(editor_form, "input", name="start_here")
    assert elements(publisher_form, "input", name="start_here", type="checkbox")


# No dead ends


def test_an_empty_list_offers_stages_and_topics_that_have_pages_the_start_and_help(client, sleep):
    make_article(slug="begin", title="Begin here", start_here=True)
    empty = make_topic(slug="nursery", title="Nursery")
    make_stage(slug="toddler", title="Toddler")

    response = client.get("/guidance/?stage=newborn&topic=nursery")

    assertContains(response, "There is no guidance for this choice yet.")
    assert links_to(response, "/guidance/?stage=newborn&topic=sleep")
    assert links_to(response, "/guidance/begin/")
    assert links_to(response, "/help/")
    offered = [topic.slug for topic in response.context["other_topics"]]
    assert offered == ["sleep"]
    assert empty.slug not in offered
    # No age has anything on nurseries, so none is offered for it.
    assert response.context["other_stages"] == []


def test_an_empty_stage_offers_the_ages_that_have_pages(client, sleep):
    make_stage(slug="toddler", title="Toddler")

    response = client.get("/guidance/?stage=toddler")

    assert [stage.slug for stage in response.context["other_stages"]] == ["newborn"]
    assert links_to(response, "/guidance/?stage=newborn")


def test_a_search_that_finds_nothing_offers_the_start_and_the_topics(client, sleep):
    make_article(slug="begin", title="Begin here", start_here=True)

    response = client.get("/search/?q=xylophone")

    assert links_to(response, "/guidance/begin/")
    assert links_to(response, "/guidance/?topic=sleep")
    assert links_to(response, "/help/")


@pytest.mark.parametrize(
    "query",
    [
        "page=-1",
        "page=abc",
        "page=99999999999999999999",
        "stage=",
        "topic=",
        "topic=sleep&page=0",
        "topic=sleep&topic=nursery",
        "stage=%00",
        "topic=sleep%27%20OR%201=1",
    ],
)
def test_odd_query_values_never_give_a_server_error(client, sleep, query):
    response = client.get(f"/guidance/?{query}")

    assert response.status_code in (200, 404)


# Cost


def test_a_list_makes_as_many_queries_with_many_more_pages(client, sleep, settings):
    settings.PAGE_CACHE = False

    def count():
        client.get("/guidance/?topic=sleep")  # first reads, such as the content version
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/guidance/?topic=sleep").status_code == 200
        return len(queries)

    few = count()
    stages = [make_stage(), make_stage()]
    for _ in range(15):
        make_article(topics=[sleep], stages=stages)
        make_tip_page(topics=[sleep], stages=stages, tips=1)

    assert count() == few


# Starter content


def test_the_starter_content_starts_with_what_infant_mental_health_is(client):
    load()

    start = Article.objects.get(start_here=True)

    assert start.slug == "what-is-infant-mental-health"
    assert client.get("/").context["start_here"] == start
    for stage in start.stages.all():
        assert titles(client.get(stage.get_absolute_url()))[0] == start.title


def test_loading_the_starter_content_keeps_an_editor_s_own_start():
    load()
    mine = Article.objects.exclude(slug="what-is-infant-mental-health").first()
    mine.start_here = True
    mine.save()
    StarterItem.objects.filter(key="article:what-is-infant-mental-health").delete()
    Article.objects.filter(slug="what-is-infant-mental-health").delete()

    load()

    assert list(Article.objects.filter(start_here=True)) == [mine]
