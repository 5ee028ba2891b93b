"""
Scheduling: a published page with a future publish time stays off every public list, page, feed,
sitemap, search and short link until its time comes, then appears by itself, with no edit and no
background job. Unpublishing takes a page off everything at once.

``timezone.now`` is moved forward in place of waiting (the same clock ``published()`` reads).
"""

import datetime

import pytest
from django.utils import timezone

from core.models import Status
from tests.support.factories import make_article, make_tip_page

pytestmark = pytest.mark.django_db

ARTICLE = "A calm bedtime routine"
TIP_PAGE = "Bath time together"


@pytest.fixture
def publish_at():
    return timezone.now() + datetime.timedelta(hours=2)


@pytest.fixture
def scheduled(publish_at):
    article = make_article(
        slug="bedtime", title=ARTICLE, summary="Wind down gently.", published_at=publish_at
    )
    tip_page = make_tip_page(
        slug="bath",
        title=TIP_PAGE,
        intro="Warm water, slow hands.",
        published_at=publish_at,
        featured=True,
    )
    return article, tip_page


def everywhere(client, article, tip_page):
    """Every public place a page can show up, as ``{place: response}``."""
    return {
        "home": client.get("/"),
        "article list": client.get("/guidance/"),
        "tip page list": client.get("/tips/"),
        "search": client.get("/search/", {"q": "bedtime"}),
        "search for tips": client.get("/search/", {"q": "bath"}),
        "feed": client.get("/feed/"),
        "sitemap": client.get("/sitemap.xml"),
        "article": client.get("/guidance/bedtime/"),
        "tip page": client.get("/tips/bath/"),
        "article short link": client.get(f"/a/{article.pk}/"),
        "tip page short link": client.get(f"/t/{tip_page.pk}/"),
    }


def assert_hidden(responses):
    for place, response in responses.items():
        content = response.content.decode()
        if place in ("article", "tip page", "article short link", "tip page short link"):
            assert response.status_code == 404, place
        else:
            assert response.status_code == 200, place
            assert ARTICLE not in content, place
            assert TIP_PAGE not in content, place
            assert "/guidance/bedtime/" not in content, place
            assert "/tips/bath/" not in content, place


def assert_shown(responses, article, tip_page):
    found = {place: response.content.decode() for place, response in responses.items()}
    assert ARTICLE in found["home"]  # the latest articles
    assert TIP_PAGE in found["home"]  # the featured tip page
    assert ARTICLE in found["article list"]
    assert TIP_PAGE in found["tip page list"]
    assert ARTICLE in found["search"]
    assert TIP_PAGE in found["search for tips"]
    assert ARTICLE in found["feed"] and TIP_PAGE in found["feed"]
    assert "/guidance/bedtime/" in found["sitemap"] and "/tips/bath/" in found["sitemap"]
    assert responses["article"].status_code == 200
    assert responses["tip page"].status_code == 200
    assert responses["article short link"]["Location"] == "/guidance/bedtime/"
    assert responses["tip page short link"]["Location"] == "/tips/bath/"


def move_clock_to(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_a_scheduled_page_is_nowhere_before_its_time(client, scheduled):
    assert_hidden(everywhere(client, *scheduled))


def test_a_scheduled_page_appears_everywhere_by_itself_at_its_time(
    client, scheduled, publish_at, monkeypatch
):
    assert_hidden(everywhere(client, *scheduled))  # and now the page cache holds these

    move_clock_to(monkeypatch, publish_at + datetime.timedelta(seconds=1))

    assert_shown(everywhere(client, *scheduled), *scheduled)


def test_the_page_cache_is_not_stale_past_the_publish_time(
    client, scheduled, publish_at, monkeypatch, settings
):
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_SECONDS = 24 * 3600
    first = client.get("/guidance/")
    assert ARTICLE not in first.content.decode()
    # A second reader a minute before the time still gets the cached list...
    move_clock_to(monkeypatch, publish_at - datetime.timedelta(minutes=1))
    assert client.get("/guidance/").content == first.content

    # ...and the first reader after it gets a fresh one, though the cache would keep a day.
    move_clock_to(monkeypatch, publish_at + datetime.timedelta(seconds=1))
    assert ARTICLE in client.get("/guidance/").content.decode()


def test_an_earlier_schedule_added_later_still_ends_the_cache_on_time(
    client, scheduled, publish_at, monkeypatch, django_capture_on_commit_callbacks
):
    client.get("/guidance/")  # cached, to end at publish_at
    sooner = timezone.now() + datetime.timedelta(minutes=30)
    with django_capture_on_commit_callbacks(execute=True):
        make_article(slug="sooner", title="Sooner article", published_at=sooner)

    move_clock_to(monkeypatch, sooner + datetime.timedelta(seconds=1))

    content = client.get("/guidance/").content.decode()
    assert "Sooner article" in content
    assert ARTICLE not in content


def test_a_draft_with_a_past_publish_time_stays_hidden(client, past):
    article = make_article(slug="bedtime", title=ARTICLE, status=Status.DRAFT, published_at=past)
    tip_page = make_tip_page(slug="bath", title=TIP_PAGE, status=Status.DRAFT, published_at=past)

    assert_hidden(everywhere(client, article, tip_page))


def test_unpublishing_takes_a_page_off_everything_at_once(
    client, past, django_capture_on_commit_callbacks
):
    article = make_article(slug="bedtime", title=ARTICLE, published_at=past)
    tip_page = make_tip_page(slug="bath", title=TIP_PAGE, published_at=past, featured=True)
    assert_shown(everywhere(client, article, tip_page), article, tip_page)  # cached now

    with django_capture_on_commit_callbacks(execute=True):
        for page in (article, tip_page):
            page.status = Status.DRAFT
            page.save()

    assert_hidden(everywhere(client, article, tip_page))


def test_publishing_with_no_time_goes_live_now(client):
    article = make_article(slug="bedtime", title=ARTICLE, status=Status.DRAFT)
    assert article.published_at is None

    article.status = Status.PUBLISHED
    article.save()

    assert article.published_at <= timezone.now()
    assert client.get("/guidance/bedtime/").status_code == 200
