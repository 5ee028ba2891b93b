"""
Adding a kind of content touches its own app only: a throwaway kind, registered here and nowhere
else, is found by search, previewed, listed by the audit screens, ends the page cache's version
at its publish time, and is in the sitemap and the feed.
"""

import datetime

import pytest
from django.apps import apps
from django.db import connection, models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core import contentversion, kinds
from core.models import Publishable, Status
from search.engine import search_site


def define_leaflet():
    """A kind no app has: a printable leaflet, with a page of its own. Made when the test runs,
    after the test database, so that only this module ever sees it."""

    class Leaflet(Publishable):
        title = models.CharField(max_length=200)
        slug = models.SlugField(unique=True)
        summary = models.CharField(max_length=300, blank=True)
        body = models.TextField()

        history = HistoricalRecords()
        search_prefetch = ()

        class Meta:
            app_label = "core"

        def __str__(self):
            return self.title

        def get_absolute_url(self):
            return f"/leaflets/{self.slug}/"

        def search_parts(self):
            return self.title, self.summary, self.body

        def search_summary(self):
            return self.summary

        @classmethod
        def search_passages(cls, ids):
            return {}

    return Leaflet


@pytest.fixture(scope="module")
def leaflet_model():
    model = define_leaflet()
    yield model
    for each in (model, model.history.model):
        apps.all_models["core"].pop(each._meta.model_name, None)
    apps.clear_cache()


@pytest.fixture
def leaflets(transactional_db, leaflet_model):
    """The kind registered, with its tables, for one test; all gone again afterwards."""
    history = leaflet_model.history.model
    with connection.schema_editor() as editor:
        editor.create_model(leaflet_model)
        editor.create_model(history)
    try:
        with kinds.registered(leaflet_kind(leaflet_model)):
            yield leaflet_model
    finally:
        with connection.schema_editor() as editor:
            editor.delete_model(history)
            editor.delete_model(leaflet_model)


def leaflet_kind(model):
    return kinds.Kind(
        model,
        "leaflet",
        public_name="Leaflet",
        template="guidance/page.html",
        context_name="page",
        summary_field="summary",
        searched=True,
        in_sitemap=True,
        in_feed=True,
        short_link="l",
    )


def make_leaflet(model, **fields):
    values = {
        "title": "Hiccups in small babies",
        "slug": "hiccups",
        "summary": "Why newborns hiccup and when to ask for advice.",
        "body": "<p>Hiccups rarely bother a baby as much as they worry a parent.</p>",
        "status": Status.PUBLISHED,
    } | fields
    return model.objects.create(**values)


def test_search_finds_it(leaflets):
    leaflet = make_leaflet(leaflets)

    results = search_site("hiccups")

    assert [(item.kind, item.obj) for item in results.items] == [("leaflet", leaflet)]


def test_staff_preview_it_with_its_public_template(leaflets, admin_client):
    leaflet = make_leaflet(leaflets, status=Status.DRAFT)

    response = admin_client.get(
        reverse("editorial:preview", kwargs={"kind": "leaflet", "pk": leaflet.pk})
    )

    assert response.status_code == 200
    assert response.context["page"] == leaflet
    assert response.context["preview"]["state"] == "draft"


def test_the_audit_screens_list_its_changes_and_deletions(leaflets, admin_client):
    leaflet = make_leaflet(leaflets)
    leaflet.delete()

    changes = admin_client.get(reverse("editorial:recent_changes"))
    deleted = admin_client.get(reverse("editorial:deleted"))

    assert "Hiccups in small babies" in changes.text
    assert [page.record.title for page, _may_restore in deleted.context["deleted"]] == [
        "Hiccups in small babies"
    ]


def test_a_scheduled_one_ends_the_page_cache_version_at_its_publish_time(leaflets):
    now = timezone.now()
    later = now + datetime.timedelta(hours=3)
    make_leaflet(leaflets, published_at=later)

    assert contentversion.next_scheduled_publish(now) == later


def test_it_is_in_the_sitemap_and_the_feed(leaflets, client):
    make_leaflet(leaflets)

    assert "/leaflets/hiccups/" in client.get("/sitemap.xml").text
    assert "Hiccups in small babies" in client.get("/feed/").text


def test_registering_a_second_kind_of_the_same_name_is_refused(leaflet_model):
    with pytest.raises(ValueError, match="article"):
        kinds.register(kinds.Kind(leaflet_model, "article"))
