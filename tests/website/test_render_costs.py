"""
What a page the page cache does not answer still keeps (core/fragments.py): the main part of
the home page, the lists, the help pages and search results, and the header, until any content
changes. The page cache is off here, so each request goes through the views.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from core import fragments
from guidance.models import Article, Stage
from search import views as search_views
from search.models import MissedSearch
from sharing.templatetags import sharing_tags
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


# The end of each page's head (its address, link preview and JSON-LD) is kept too
# (templates/base.html, {% head_key %} in sharing/templatetags/sharing_tags.py).


def head_addresses(response):
    html = response.content.decode()
    return (
        re.search(r'<link rel="canonical" href="([^"]*)">', html).group(1),
        re.search(r'<meta property="og:url" content="([^"]*)">', html).group(1),
    )


@pytest.mark.parametrize("url", ["/help/", "/help/wales/"])
def test_the_help_pages_structured_data_is_kept(client, world, url, monkeypatch):
    first = client.get(url)
    assert b"application/ld+json" in first.content

    def refuse(*args, **kwargs):
        raise AssertionError("the help page's structured data was made again")

    monkeypatch.setattr(sharing_tags.structured, "help_page", refuse)
    assert client.get(url).content == first.content


def test_an_article_s_preview_tags_and_json_ld_are_kept(client, world, monkeypatch):
    first = client.get("/guidance/crying-and-colic/")

    def refuse(*args, **kwargs):
        raise AssertionError("the head was made again")

    monkeypatch.setattr(sharing_tags.cards, "card_for", refuse)
    monkeypatch.setattr(sharing_tags.structured, "reviewed_page", refuse)
    assert client.get("/guidance/crying-and-colic/").content == first.content


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/guidance/crying-and-colic/", "http://{host}/guidance/crying-and-colic/"),
        (
            "/guidance/crying-and-colic/?utm_source=leaflet",
            "http://{host}/guidance/crying-and-colic/",
        ),
        ("/guidance/", "http://{host}/guidance/"),
        ("/guidance/?stage=newborn", "http://{host}/guidance/?stage=newborn"),
        ("/search/?q=colic", "http://{host}/search/?q=colic"),
        ("/search/?q=helpline", "http://{host}/search/?q=helpline"),
        ("/help/wales/", "http://{host}/help/wales/"),
    ],
)
def test_a_kept_head_keeps_each_page_s_own_address_on_each_host(client, world, url, expected):
    # Every address seen first on one host, then on another: none takes another's head.
    for host in ("localhost", "127.0.0.1"):
        for each in ("/guidance/crying-and-colic/", "/guidance/", "/search/?q=colic", url):
            client.get(each, HTTP_HOST=host)
        address = expected.format(host=host)
        assert head_addresses(client.get(url, HTTP_HOST=host)) == (address, address)


def test_a_kept_head_keeps_the_scheme(client, world, settings):
    settings.SECURE_SSL_REDIRECT = False
    client.get("/guidance/crying-and-colic/")
    secure = client.get("/guidance/crying-and-colic/", secure=True)
    plain = client.get("/guidance/crying-and-colic/")

    assert head_addresses(secure)[1] == "https://testserver/guidance/crying-and-colic/"
    assert head_addresses(plain)[1] == "http://testserver/guidance/crying-and-colic/"
    assert b'"url":"https://testserver/guidance/crying-and-colic/"' in secure.content


def test_a_staff_preview_never_uses_a_kept_head(client, admin_client, world, monkeypatch):
    article = Article.objects.get(slug="crying-and-colic")
    client.get(article.get_absolute_url())
    client.get(article.get_absolute_url())  # its head is kept now
    made = []
    real = sharing_tags.structured.reviewed_page

    def counted(*args, **kwargs):
        made.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(sharing_tags.structured, "reviewed_page", counted)
    preview = admin_client.get(
        reverse("editorial:preview", kwargs={"kind": "article", "pk": article.pk})
    )

    assert preview.status_code == 200
    assert len(made) == 1


def test_static_addresses_follow_a_change_of_static_settings(client, world, settings):
    client.get("/tips/")
    settings.STATIC_URL = "/elsewhere/"
    assertContains(client.get("/tips/"), 'href="/elsewhere/css/site.css"')


def test_unknown_addresses_share_one_kept_head(client, world, monkeypatch):
    stored = []
    real = fragments._store

    def store(key, html):
        stored.append(key)
        real(key, html)

    monkeypatch.setattr(fragments, "_store", store)
    for number in range(5):
        client.get(f"/no-such-page-{number}/")

    assert len([key for key in stored if ":head:" in key]) == 1
