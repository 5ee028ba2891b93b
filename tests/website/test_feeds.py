"""The Atom feed read as a feed reader reads it: entry ids that survive renames, and the times
each entry was published and last changed."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.utils import timezone

from core import kinds
from tests.support.factories import make_article, make_tip_page
from website import feeds

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://littlevoices.example.org"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def saved(django_capture_on_commit_callbacks):
    """Saves as an editor does: the page cache hears of it once the save is committed."""

    def save(obj):
        with django_capture_on_commit_callbacks(execute=True):
            obj.save()

    return save


def read_feed(client):
    response = client.get("/feed/")
    assert response.status_code == 200
    return ET.fromstring(response.content)


def entries(client):
    """Entry id -> {title, link, id, published, updated}, in the feed's order."""
    found = {}
    for entry in read_feed(client).iter(f"{ATOM}entry"):
        fields = {
            name: entry.findtext(f"{ATOM}{name}")
            for name in ("id", "title", "published", "updated")
        }
        fields["link"] = entry.find(f"{ATOM}link").get("href")
        found[fields["id"]] = fields
    return found


def moment(text):
    return datetime.datetime.fromisoformat(text)


def test_entry_ids_are_tag_uris_of_the_kind_and_row_id(client):
    article = make_article(slug="night-feeds", title="Night feeds")
    tip_page = make_tip_page(slug="bath-time", title="Bath time")

    found = entries(client)

    article_id = f"tag:littlevoices.example.org,2026:article/{article.pk}"
    tip_page_id = f"tag:littlevoices.example.org,2026:tip_page/{tip_page.pk}"
    assert set(found) == {article_id, tip_page_id}
    assert found[article_id]["title"] == "Night feeds"
    assert found[article_id]["link"] == "http://testserver/guidance/night-feeds/"
    assert found[tip_page_id]["link"] == "http://testserver/tips/bath-time/"


def test_a_new_slug_keeps_the_entry_id_and_changes_the_link(client, saved):
    article = make_article(slug="night-feeds", title="Night feeds")
    [before] = entries(client).values()

    article.slug = "feeding-at-night"
    saved(article)
    [after] = entries(client).values()

    assert after["id"] == before["id"] == f"tag:littlevoices.example.org,2026:article/{article.pk}"
    assert before["link"] == "http://testserver/guidance/night-feeds/"
    assert after["link"] == "http://testserver/guidance/feeding-at-night/"


def test_the_ids_do_not_depend_on_the_address_a_reader_used(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "www.littlevoices.example.org"]
    article = make_article()

    plain = read_feed(client)
    other = ET.fromstring(
        client.get("/feed/?from=www", headers={"host": "www.littlevoices.example.org"}).content
    )

    for feed in (plain, other):
        assert feed.findtext(f"{ATOM}id") == "tag:littlevoices.example.org,2026:feed"
        assert feed.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Little Voices"
        assert feed.find(f"{ATOM}entry").findtext(f"{ATOM}id").endswith(f":article/{article.pk}")


def test_each_entry_has_its_publish_time_and_its_last_change(client, monkeypatch, saved):
    now = timezone.now().replace(microsecond=0)
    published = now - datetime.timedelta(days=10)
    article = make_article(published_at=published)
    [entry] = entries(client).values()

    assert moment(entry["published"]) == published
    assert moment(entry["updated"]) >= now

    edited_at = now + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: edited_at)
    article.summary = "A clearer summary."
    saved(article)
    [edited] = entries(client).values()

    assert moment(edited["published"]) == published
    assert moment(edited["updated"]) == edited_at
    assert moment(read_feed(client).findtext(f"{ATOM}updated")) == edited_at


def test_a_page_saved_before_its_publish_time_is_updated_when_it_goes_live(client):
    went_live = timezone.now().replace(microsecond=0) - datetime.timedelta(minutes=5)
    article = make_article(published_at=went_live)
    # Saved yesterday, scheduled for five minutes ago: new to readers five minutes ago.
    type(article).objects.filter(pk=article.pk).update(
        updated_at=went_live - datetime.timedelta(days=1)
    )

    [entry] = entries(client).values()

    assert moment(entry["updated"]) == moment(entry["published"]) == went_live


def test_every_entry_has_an_id_link_and_both_times(client):
    for number in range(3):
        make_article(title=f"Article {number}")
        make_tip_page(title=f"Tips {number}")

    found = entries(client)

    assert len(found) == 6
    for entry_id, entry in found.items():
        assert entry_id.startswith("tag:littlevoices.example.org,2026:")
        assert entry["link"].startswith("http://testserver/")
        assert moment(entry["updated"]) >= moment(entry["published"])


def test_every_kind_in_the_feed_gives_ids_of_its_own():
    names = {kind.name for kind in kinds.where(in_feed=True)}

    assert {"article", "tip_page"} <= names
    for kind in kinds.where(in_feed=True):
        item = kind.model(pk=7)
        assert feeds.entry_id(item) == f"tag:littlevoices.example.org,2026:{kind.name}/7"


def test_the_feed_costs_the_same_few_queries_with_more_content(
    client, django_assert_max_num_queries
):
    # The page cache's own reads of a new content version, the site's name, one query a kind.
    budget = 7 + len(kinds.where(in_feed=True))
    make_article()
    make_tip_page()
    with django_assert_max_num_queries(budget) as few:
        rendered(client, "/feed/")

    for _ in range(25):
        make_article()
        make_tip_page()
    with django_assert_max_num_queries(budget) as many:
        rendered(client, "/feed/")

    assert len(many) == len(few)


def rendered(client, path):
    """``path`` made afresh, not served from the page cache."""
    cache.clear()
    response = client.get(path)
    assert response.status_code == 200
    return response
