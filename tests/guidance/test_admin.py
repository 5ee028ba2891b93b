import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from core.models import Status
from guidance.models import Article, Page, Resource, ResourceKind, Stage, Topic, Urgency
from tests.support.factories import (
    make_article,
    make_page,
    make_resource,
    make_stage,
    make_tip_page,
    make_topic,
)
from tests.support.formdata import article_form_data
from tests.support.markup import elements
from tips.models import TipPage

pytestmark = pytest.mark.django_db

MODELS = {
    "guidance.stage": make_stage,
    "guidance.topic": make_topic,
    "guidance.article": make_article,
    "guidance.resource": make_resource,
    "guidance.page": make_page,
    "tips.tippage": make_tip_page,
}
PUBLISHABLE_MODELS = {
    "guidance.article": (Article, make_article),
    "guidance.resource": (Resource, make_resource),
    "guidance.page": (Page, make_page),
    "tips.tippage": (TipPage, make_tip_page),
}


def admin_url(model, view, *args):
    app_label, model_name = model.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


@pytest.fixture
def content():
    """Something for every list filter to find, drafts and starter content included."""
    stage, topic = make_stage(title="Newborn"), make_topic(title="Sleep")
    make_article(title="Sleep basics", stages=[stage], topics=[topic], is_starter=True)
    make_article(title="Draft sleep", status=Status.DRAFT, stages=[stage])
    make_resource(name="Welsh line", nations=["wales"], last_checked=datetime.date(2025, 1, 1))
    make_resource(name="Emergency", kind=ResourceKind.EMERGENCY, urgency=Urgency.NOW)
    make_resource(name="Draft line", status=Status.DRAFT)
    make_page(slug="about", title="About")
    make_page(title="Draft page", status=Status.DRAFT)
    make_tip_page(title="Sleep tips", featured=True, stages=[stage], topics=[topic])
    make_tip_page(title="Draft tips", status=Status.DRAFT)


@pytest.mark.parametrize("model", MODELS)
def test_changelist_loads(admin_client, content, model):
    response = admin_client.get(admin_url(model, "changelist"))

    assert response.status_code == 200
    assert response.context["cl"].result_count > 0


@pytest.mark.parametrize("model", MODELS)
def test_changelist_search_loads(admin_client, content, model):
    response = admin_client.get(admin_url(model, "changelist"), {"q": "sleep"})

    assert response.status_code == 200
    assert "cl" in response.context


@pytest.mark.parametrize("model", MODELS)
def test_changelist_search_with_junk_loads(admin_client, content, model):
    response = admin_client.get(admin_url(model, "changelist"), {"q": "'; <script> %_ \\"})

    assert response.status_code == 200


FILTER_LINKS_EXPECTED = {
    "guidance.article": ["status__exact=draft", "stages__id__exact=", "is_starter__exact=1"],
    "guidance.resource": ["status__exact=draft", "kind__exact=", "nation=wales", "checked=no"],
    "guidance.page": ["status__exact=draft"],
    "tips.tippage": ["status__exact=draft", "featured__exact=1", "topics__id__exact="],
}


@pytest.mark.parametrize("model", FILTER_LINKS_EXPECTED)
def test_every_list_filter_choice_loads(admin_client, content, model):
    url = admin_url(model, "changelist")
    changelist = admin_client.get(url)
    filter_links = {
        link["href"]
        for link in elements(changelist, "a")
        if link.get("href", "").startswith("?") and "o=" not in link["href"]
    }
    for expected in FILTER_LINKS_EXPECTED[model]:
        assert any(expected in href for href in filter_links), expected

    for href in sorted(filter_links):
        response = admin_client.get(url + href)
        assert response.status_code == 200, href
        # An unknown lookup makes the admin redirect to ?e=1; a 200 must be the real filter.
        assert "e=1" not in response.request["QUERY_STRING"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nation=wales", {"Welsh line", "Emergency", "Draft line"}),
        ("nation=scotland", {"Emergency", "Draft line"}),
        ("checked=no", {"Emergency", "Draft line"}),
        ("checked=yes", {"Welsh line"}),
        ("status__exact=draft", {"Draft line"}),
        ("urgency__exact=1", {"Emergency"}),
    ],
)
def test_resource_list_filters_pick_the_right_resources(admin_client, content, query, expected):
    response = admin_client.get(f"{admin_url('guidance.resource', 'changelist')}?{query}")

    assert {resource.name for resource in response.context["cl"].result_list} == expected


@pytest.mark.parametrize("model", MODELS)
def test_add_page_loads(admin_client, model):
    response = admin_client.get(admin_url(model, "add"))

    assert response.status_code == 200
    assert elements(response, "input", name="slug")


@pytest.mark.parametrize("model", MODELS)
def test_change_page_loads(admin_client, model):
    obj = MODELS[model]()

    response = admin_client.get(admin_url(model, "change", obj.pk))

    assert response.status_code == 200
    assertContains(response, str(obj))


@pytest.mark.parametrize("model", PUBLISHABLE_MODELS)
def test_change_page_loads_for_a_draft(admin_client, model):
    _, make = PUBLISHABLE_MODELS[model]
    obj = make(status=Status.DRAFT)

    response = admin_client.get(admin_url(model, "change", obj.pk))

    assert response.status_code == 200
    assert elements(response, "input", name="slug")


@pytest.mark.parametrize("model", PUBLISHABLE_MODELS)
def test_published_slug_stays_editable_without_prefilling(admin_client, model):
    _, make = PUBLISHABLE_MODELS[model]
    obj = make(slug="shared-address")

    response = admin_client.get(admin_url(model, "change", obj.pk))

    assert response.status_code == 200
    assert elements(response, "input", name="slug", value="shared-address")
    # The slug no longer follows the title once published: a new title keeps the address.
    assert b"prepopulated" not in response.content.split(b'name="slug"')[0][-300:]


def test_changing_a_published_articles_title_keeps_its_address(admin_client):
    article = make_article(slug="shared-link", title="Old title")
    data = article_form_data(title="New title", slug="shared-link", status=Status.PUBLISHED)
    published_at = timezone.localtime(article.published_at)
    data["published_at_0"] = published_at.strftime("%d/%m/%Y")
    data["published_at_1"] = published_at.strftime("%H:%M:%S")

    response = admin_client.post(admin_url("guidance.article", "change", article.pk), data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "New title"
    assert article.slug == "shared-link"


def test_non_staff_cannot_see_the_admin(client, django_user_model):
    user = django_user_model.objects.create_user("parent", password="a-long-password-1")
    client.force_login(user)

    response = client.get(admin_url("guidance.article", "changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


# Adding content through the admin


def test_adding_an_article_in_the_admin_sanitises_the_body(admin_client):
    stage, topic, resource = make_stage(), make_topic(), make_resource()
    data = article_form_data(
        status=Status.PUBLISHED,
        last_reviewed="10/03/2025",
        stages=[stage.pk],
        topics=[topic.pk],
        resources=[resource.pk],
    )

    response = admin_client.post(admin_url("guidance.article", "add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="crying-at-night")
    assert article.body == '<h2>Why</h2><p>Babies wake.</p><a rel="noopener noreferrer">x</a>'
    assert [source.title for source in article.sources.all()] == ["NHS: soothing a crying baby"]
    assert list(article.stages.all()) == [stage]
    assert list(article.topics.all()) == [topic]
    assert list(article.resources.all()) == [resource]
    assert article.next_review_due == datetime.date(2026, 3, 10)
    assert article.is_public
    assert not article.is_starter


def test_adding_a_draft_article_in_the_admin_keeps_it_hidden(admin_client, client):
    response = admin_client.post(admin_url("guidance.article", "add"), article_form_data())

    assert response.status_code == 302
    article = Article.objects.get(slug="crying-at-night")
    assert article.status == Status.DRAFT
    assert article.published_at is None
    assert client.get(article.get_absolute_url()).status_code == 404


def test_adding_an_article_with_a_duplicate_slug_shows_an_error(admin_client):
    make_article(slug="crying-at-night")

    response = admin_client.post(admin_url("guidance.article", "add"), article_form_data())

    assert response.status_code == 200
    assert "slug" in response.context["adminform"].form.errors
    assert Article.objects.count() == 1


def test_adding_a_tip_page_with_tips_in_the_admin(admin_client):
    data = {
        "title": "Bathtime",
        "slug": "bathtime",
        "intro": "What your baby feels at bathtime.",
        "status": Status.PUBLISHED,
        "published_at_0": "",
        "published_at_1": "",
        "publish_unreviewed": "on",
        "tips-TOTAL_FORMS": "2",
        "tips-INITIAL_FORMS": "0",
        "tips-MIN_NUM_FORMS": "0",
        "tips-MAX_NUM_FORMS": "1000",
        "tips-0-order": "1",
        "tips-0-baby_says": "The water feels strange.",
        "tips-0-try_this": "Go slowly.",
        "tips-0-why_it_helps": "",
        "tips-1-order": "2",
        "tips-1-baby_says": "I like your voice.",
        "tips-1-try_this": "Sing to me.",
        "tips-1-why_it_helps": "",
        "sources-TOTAL_FORMS": "0",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
    }

    response = admin_client.post(admin_url("tips.tippage", "add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    tip_page = TipPage.objects.get(slug="bathtime")
    assert [tip.baby_says for tip in tip_page.tips.all()] == [
        "The water feels strange.",
        "I like your voice.",
    ]
    assert tip_page.is_public


def test_adding_a_stage_in_the_admin(admin_client):
    response = admin_client.post(
        admin_url("guidance.stage", "add"),
        {"title": "Pregnancy", "slug": "pregnancy", "age_range": "", "description": "", "order": 0},
    )

    assert response.status_code == 302
    assert Stage.objects.filter(slug="pregnancy").exists()
    assert not Topic.objects.exists()


def test_article_autocomplete_for_stages_answers(admin_client):
    make_stage(title="Newborn")
    make_stage(title="Toddler")

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "guidance", "model_name": "article", "field_name": "stages", "term": "new"},
    )

    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["Newborn"]


# Publish and unpublish actions


@pytest.mark.parametrize("model", PUBLISHABLE_MODELS)
def test_publish_action_publishes_drafts_now(admin_client, model):
    model_class, make = PUBLISHABLE_MODELS[model]
    # A reviewed kind is reviewed: the publish action leaves out pages never reviewed.
    reviewed = {"last_reviewed": datetime.date(2026, 1, 5)}
    fields = reviewed if hasattr(model_class, "last_reviewed") else {}
    drafts = [make(status=Status.DRAFT, **fields), make(status=Status.DRAFT, **fields)]
    untouched = make(status=Status.DRAFT)
    before = timezone.now()

    response = admin_client.post(
        admin_url(model, "changelist"),
        {"action": "publish", "_selected_action": [item.pk for item in drafts]},
        follow=True,
    )

    assert response.status_code == 200
    assertContains(response, "2 items published.")
    for item in drafts:
        item.refresh_from_db()
        assert item.status == Status.PUBLISHED
        assert item.published_at >= before
    assert set(model_class.objects.published()) == set(drafts)
    untouched.refresh_from_db()
    assert untouched.status == Status.DRAFT


def test_publish_action_leaves_a_scheduled_item_scheduled(admin_client):
    future = timezone.now() + datetime.timedelta(days=7)
    scheduled = make_article(published_at=future)

    response = admin_client.post(
        admin_url("guidance.article", "changelist"),
        {"action": "publish", "_selected_action": [scheduled.pk]},
        follow=True,
    )

    assertContains(response, "0 items published.")
    scheduled.refresh_from_db()
    assert scheduled.published_at == future


@pytest.mark.parametrize("model", PUBLISHABLE_MODELS)
def test_unpublish_action_returns_items_to_draft(admin_client, model):
    model_class, make = PUBLISHABLE_MODELS[model]
    item, other = make(), make()

    response = admin_client.post(
        admin_url(model, "changelist"),
        {"action": "unpublish", "_selected_action": [item.pk]},
        follow=True,
    )

    assertContains(response, "1 item unpublished.")
    item.refresh_from_db()
    assert item.status == Status.DRAFT
    assert list(model_class.objects.published()) == [other]
