"""The sitemap read as a search engine reads it: every address with the time it last changed,
for the same few queries however much content there is."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.db.models import QuerySet
from django.utils import timezone

from guidance.models import Article, Nation, Resource
from tests.support.factories import make_article, make_page, make_resource, make_tip_page
from tips.models import TipPage

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NOW = timezone.now().replace(microsecond=0)


def days_ago(days):
    return NOW - datetime.timedelta(days=days)


def day(days):
    """The date ``days`` ago where the site is: a sitemap gives the day a page changed."""
    return timezone.localtime(days_ago(days)).date()


def read_sitemap(client):
    """Path -> lastmod (a date, or None), from a freshly made sitemap."""
    cache.clear()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    found = {}
    for url in ET.fromstring(response.content).iter(f"{SITEMAP}url"):
        path = url.findtext(f"{SITEMAP}loc").removeprefix("http://testserver")
        lastmod = url.findtext(f"{SITEMAP}lastmod")
        found[path] = datetime.date.fromisoformat(lastmod) if lastmod else None
    return found


def changed(obj, *, updated, published=None):
    """Give ``obj`` these times, as if it had been saved then (``auto_now`` would not let us)."""
    fields = {"updated_at": updated}
    if published:
        fields["published_at"] = published
    QuerySet(type(obj)).filter(pk=obj.pk).update(**fields)


def test_a_content_page_s_lastmod_is_its_last_change(client):
    edited = make_article(slug="edited")
    changed(edited, published=days_ago(30), updated=days_ago(2))
    scheduled = make_tip_page(slug="went-live")
    # Saved before its publish time: it changed for readers when it went live.
    changed(scheduled, published=days_ago(1), updated=days_ago(5))
    page = make_page(slug="about")
    changed(page, published=days_ago(60), updated=days_ago(40))

    found = read_sitemap(client)

    assert found["/guidance/edited/"] == day(2)
    assert found["/tips/went-live/"] == day(1)
    assert found["/about/"] == day(40)


def test_a_list_page_s_lastmod_is_the_latest_change_among_what_it_lists(client):
    for days, slug in ((9, "older"), (3, "newer")):
        changed(make_article(slug=slug), published=days_ago(20), updated=days_ago(days))
    changed(make_tip_page(), published=days_ago(4), updated=days_ago(6))
    changed(
        make_resource(nations=["wales"]),
        published=days_ago(30),
        updated=days_ago(8),
    )
    changed(
        make_resource(nations=["england", "scotland"]),
        published=days_ago(30),
        updated=days_ago(7),
    )
    # A draft and a page not yet live change nothing.
    changed(make_article(status="draft"), published=days_ago(1), updated=days_ago(1))
    make_article(published_at=NOW + datetime.timedelta(days=1))

    found = read_sitemap(client)

    assert found["/guidance/"] == day(3)
    assert found["/tips/"] == day(4)
    assert found["/help/"] == day(7)
    assert found["/"] == day(3)
    assert found["/help/wales/"] == day(8)
    assert found["/help/england/"] == found["/help/scotland/"] == day(7)
    assert found["/help/northern-ireland/"] is None


def test_every_address_is_listed_once_with_its_lastmod(client):
    make_article()
    make_tip_page()
    make_page()
    make_resource()

    cache.clear()
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")]

    assert len(locations) == len(set(locations)) == 4 + 4 + 3
    for url in root.iter(f"{SITEMAP}url"):
        assert url.findtext(f"{SITEMAP}lastmod"), url.findtext(f"{SITEMAP}loc")


def test_an_empty_site_has_a_sitemap_without_lastmods_for_its_empty_lists(client):
    found = read_sitemap(client)

    assert found["/"] is None
    assert found["/guidance/"] is None
    assert set(found) >= {f"/help/{nation.value}/" for nation in Nation}


def add_content(times):
    for _ in range(times):
        make_article()
        make_tip_page()
        make_page()
        make_resource()


# The page cache's reads of a new content version (6), one aggregate a kind with a list page
# (3), one for the nations' help pages, and a count and a page of addresses for each kind in the
# sitemap (3 x 2).
BUDGET = 16


def test_the_sitemap_costs_the_same_few_queries_with_ten_times_the_content(
    client, django_assert_max_num_queries
):
    add_content(3)
    with django_assert_max_num_queries(BUDGET) as few:
        read_sitemap(client)

    add_content(27)
    with django_assert_max_num_queries(BUDGET) as many:
        found = read_sitemap(client)

    assert len(many) == len(few)
    assert len(found) == 8 + 30 * 3
    assert Article.objects.count() == TipPage.objects.count() == Resource.objects.count() == 30
