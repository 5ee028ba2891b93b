"""
What a page the page cache does not answer still keeps (core/fragments.py): the main part of
the home page, the lists, the help pages and search results, and the header, until any content
changes. The page cache is off here, so each request goes through the views.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains

from guidance.models import Stage
from search import views as search_views
from search.models import MissedSearch
from tests.support.factories import make_article, make_resource, make_stage, make_tip_page

pytestmark = pytest.mark.django_db

PAGES = ["/", "/guidance/", "/guidance/?stage=newborn", "/tips/", "/help/", "/help/wales/"]


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE = False


@pytest.fixture
def world():
    stage = make_stage(slug="newborn", title="Newborn")
    resource = make_resource(name="Calm helpline")
    make_article(
        title="Crying and colic", slug="crying-and-colic", stages=[stage], resources=[resource]
    )
    make_tip_page(title="I am hungry", slug="i-am-hungry", stages=[stage])


def visit(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, len(queries)


@pytest.mark.parametrize(
    "url", [*PAGES, "/search/?q=colic", "/guidance/crying-and-colic/", "/tips/i-am-hungry/"]
)
def test_a_page_seen_again_is_the_same_and_reads_less(client, world, url):
    first, first_queries = visit(client, url)
    again, again_queries = visit(client, url)

    assert again.content == first.content
    assert again_queries < first_queries


@pytest.mark.parametrize("url", [page for page in PAGES if not page.startswith("/help/")])
def test_a_list_or_the_home_page_seen_again_reads_nothing(client, world, url):
    visit(client, url)
    _again, again_queries = visit(client, url)

    assert again_queries == 0


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("/", "Sleep and settling"),
        ("/guidance/", "Sleep and settling"),
        ("/guidance/?stage=newborn", "Sleep and settling"),
        ("/tips/", "I am sleepy"),
        ("/help/", "Night helpline"),
        ("/help/wales/", "Night helpline"),
    ],
)
def test_a_change_shows_at_once(client, world, url, shown, django_capture_on_commit_callbacks):
    newborn = Stage.objects.get(slug="newborn")
    assertNotContains(client.get(url), shown)
    assertNotContains(client.get(url), shown)  # kept

    with django_capture_on_commit_callbacks(execute=True):
        make_article(title="Sleep and settling", stages=[newborn], start_here=True)
        make_tip_page(title="I am sleepy", stages=[newborn])
        make_resource(name="Night helpline")

    assertContains(client.get(url), shown)


def test_the_same_search_again_is_not_run_again_but_still_counted(client, world, monkeypatch):
    first, _queries = visit(client, "/search/?q=colic")

    def refuse(*args, **kwargs):
        raise AssertionError("the search was run again")

    monkeypatch.setattr(search_views, "search_site", refuse)
    again, _queries = visit(client, "/search/?q=colic")

    assert again.content == first.content
    assert MissedSearch.objects.get().count == 2  # one result: fewer than enough, both counted


def test_another_search_or_another_nation_is_run_afresh(client, world, monkeypatch):
    real = search_views.search_site
    runs = []

    def counted(query, nation=None, correct=True):
        runs.append((query, nation, correct))
        return real(query, nation, correct=correct)

    monkeypatch.setattr(search_views, "search_site", counted)
    for address in [
        "/search/?q=colic",
        "/search/?q=colic&nation=wales",
        "/search/?q=colic&spell=off",
        "/search/?q=helpline",
        "/search/?q=colic&utm_source=leaflet",  # not read by the page: kept
    ]:
        client.get(address)

    assert len(runs) == 4


def test_a_search_that_failed_is_never_kept(client, world, monkeypatch):
    real = search_views.search_site
    runs = []

    def failing(*args, **kwargs):
        results = real(*args, **kwargs)
        results.failed = True
        runs.append(results)
        return results

    monkeypatch.setattr(search_views, "search_site", failing)
    client.get("/search/?q=colic")
    client.get("/search/?q=colic")

    assert len(runs) == 2


@pytest.mark.parametrize(
    ("url", "current"),
    [
        ("/", None),
        ("/guidance/", "/guidance/"),
        ("/guidance/?stage=newborn", "/guidance/"),
        ("/tips/", "/tips/"),
        ("/help/", "/help/"),
        ("/help/wales/", None),
        ("/search/?q=colic", None),
    ],
)
def test_the_header_marks_the_section_of_each_page(client, world, url, current):
    for _ in range(2):  # rendered, then from the fragment cache
        html = client.get(url).content.decode()
        nav = re.search(r'<nav class="wrap site-nav".*?</nav>', html, re.S).group(0)
        marked = re.findall(r'<a href="([^"]+)" aria-current="page">', nav)
        assert marked == ([current] if current else [])


def test_an_article_s_header_marks_guidance(client, world):
    article = make_article(title="Feeding")
    html = client.get(article.get_absolute_url()).content.decode()
    assertContains(client.get(article.get_absolute_url()), 'aria-current="page">Guidance<')
    assertNotContains(
        client.get("/about-nothing/"), 'aria-current="page">Guidance<', status_code=404
    )
    assert html.count('aria-current="page"') >= 1
