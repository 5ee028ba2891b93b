"""A public page's own row, read with SQL compiled once per process (``PublishedBySlug`` in
guidance/views.py): the same answers as ``get_object_or_404(published(), slug=...)``, the time
read anew for each request; and kept, for the public pages, until any content changes."""

import datetime

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.utils import timezone

from core.models import Status
from guidance.models import Article
from guidance.views import PublishedBySlug
from tests.support.factories import make_article, make_tip_page
from tips.models import TipPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def lookup():
    return PublishedBySlug("row", lambda: Article.objects.published().defer("body_text"))


def test_the_sql_is_prepared_and_finds_a_published_page(lookup):
    article = make_article(slug="calm", title="Calm")

    found = lookup.get("calm")

    assert lookup.prepared["default"] is not False
    assert (found.pk, found.title) == (article.pk, "Calm")
    assert found.get_deferred_fields() == {"body_text"}
    assert found.body_text == article.body_text  # loaded when asked for, as with the ORM


def test_the_object_is_the_one_the_orm_makes(lookup):
    article = make_article(slug="calm", title="Calm", last_reviewed=datetime.date(2026, 5, 1))
    expected = Article.objects.published().defer("body_text").get(pk=article.pk)

    found = lookup.get("calm")

    for field in Article._meta.concrete_fields:
        if field.attname == "body_text":
            continue
        value = getattr(found, field.attname)
        assert value == getattr(expected, field.attname), field.name
        assert type(value) is type(getattr(expected, field.attname)), field.name
    assert timezone.is_aware(found.published_at)
    assert (found._state.adding, found._state.db) == (False, "default")


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Status.DRAFT},
        {"published_at": timezone.now() + datetime.timedelta(days=1)},
    ],
    ids=["draft", "scheduled"],
)
def test_what_parents_may_not_see_is_not_found(lookup, fields):
    make_article(slug="hidden", **fields)
    with pytest.raises(Http404):
        lookup.get("hidden")
    with pytest.raises(Http404):
        lookup.get("no-such-page")


def test_the_time_now_is_read_for_each_request(lookup, monkeypatch):
    soon = timezone.now() + datetime.timedelta(hours=1)
    make_article(slug="soon", published_at=soon)
    with pytest.raises(Http404):
        lookup.get("soon")

    monkeypatch.setattr(timezone, "now", lambda: soon + datetime.timedelta(seconds=1))

    assert lookup.get("soon").slug == "soon"


def test_odd_slugs_are_values_never_sql(lookup):
    make_article(slug="calm")
    for slug in ["calm' OR '1'='1", "calm%", "\x00", "é" * 300]:
        with pytest.raises(Http404):
            lookup.get(slug)


def test_a_query_of_another_shape_is_left_to_the_orm():
    make_article(slug="calm")
    lookup = PublishedBySlug("row", lambda: Article.objects.filter(status=Status.PUBLISHED))

    assert lookup.get("calm").slug == "calm"
    assert lookup.prepared["default"] is False


def test_tip_pages_are_read_the_same_way(client):
    tip_page = make_tip_page(slug="hungry")
    draft = make_tip_page(slug="draft-tips", status=Status.DRAFT)

    assert client.get(tip_page.get_absolute_url()).status_code == 200
    assert client.get(f"/tips/{draft.slug}/").status_code == 404
    assert TipPage.objects.count() == 2


def test_each_request_gets_an_object_of_its_own(rf):
    make_article(slug="calm", title="Calm")
    lookup = PublishedBySlug("row", lambda: Article.objects.published())

    first = lookup.kept(rf.get("/"), "calm")
    first.title = "Changed by one request"
    second = lookup.kept(rf.get("/"), "calm")

    assert second.title == "Calm"
    assert second is not first


def test_a_slug_longer_than_any_page_has_is_not_looked_for(lookup, django_assert_num_queries):
    longest = Article._meta.get_field("slug").max_length
    make_article(slug="a" * longest)
    assert lookup.kept(RequestFactory().get("/"), "a" * longest).slug == "a" * longest

    with django_assert_num_queries(0), pytest.raises(Http404):
        lookup.kept(RequestFactory().get("/"), "a" * (longest + 1))
