"""Each role's allowed and refused actions, as real requests through the admin."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from editorial import roles
from guidance.models import Article, Page, Redirect, Resource, Status
from tests.editorial.formdata import admin_url, change_url, form_data
from tests.factories import make_article, make_page, make_resource, make_tip_page
from tips.models import TipPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def role_groups():
    """The groups as the migration makes them (a test that empties the database drops them)."""
    roles.grant_roles(Group, Permission)


@pytest.fixture
def client_for(django_user_model, staff_client, role_groups):
    """``client_for(role)``: a two-factor signed-in member of staff in that group only."""

    def make(role):
        username = role.lower().replace(" ", "_")
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", "a long test password", is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))
        return staff_client(user)

    return make


def article_add_data(**overrides):
    data = {
        "title": "A new article",
        "slug": "a-new-article",
        "summary": "A summary.",
        "body": "<p>Words.</p>",
        "status": Status.PUBLISHED,
        "published_at_0": "2026-01-01",
        "published_at_1": "09:00:00",
        "sources-TOTAL_FORMS": "0",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
    }
    return {**data, **overrides}


def publish(client, obj):
    return client.post(
        admin_url(obj, "changelist"), {"action": "publish", "_selected_action": [obj.pk]}
    )


@pytest.mark.django_db(transaction=True)  # SQLite cannot alter tables inside a test transaction
def test_the_migration_makes_the_four_groups_and_can_be_undone():
    call_command("migrate", "editorial", "zero", verbosity=0)
    assert not Group.objects.filter(name__in=roles.ROLES).exists()

    call_command("migrate", "editorial", verbosity=0)

    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLES)
    editor = Group.objects.get(name=roles.EDITOR)
    assert not editor.permissions.filter(codename__startswith="publish_").exists()
    assert not editor.permissions.filter(codename__startswith="review_").exists()
    publisher = Group.objects.get(name=roles.PUBLISHER)
    assert publisher.permissions.filter(codename="publish_article").exists()
    assert not publisher.permissions.filter(codename="review_article").exists()
    admin_group = Group.objects.get(name=roles.SITE_ADMINISTRATOR)
    assert admin_group.permissions.filter(codename="change_user").exists()


# Editor ---------------------------------------------------------------------------------------


def test_an_editor_can_add_a_draft_but_not_publish_it_from_the_add_form(client_for):
    editor = client_for(roles.EDITOR)

    response = editor.post(admin_url(Article, "add"), article_add_data())

    assert response.status_code == 302
    article = Article.objects.get(slug="a-new-article")
    assert article.status == Status.DRAFT
    assert article.published_at is None


def test_an_editor_can_edit_a_draft_but_the_status_posted_is_ignored(client_for):
    editor = client_for(roles.EDITOR)
    article = make_article(status=Status.DRAFT, title="Draft")
    data = form_data(editor.get(change_url(article)))
    assert "status" not in data  # shown, not editable

    response = editor.post(
        change_url(article), {**data, "title": "Better draft", "status": "published"}
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Better draft"
    assert article.status == Status.DRAFT


def test_an_editor_cannot_change_a_published_page(client_for):
    editor = client_for(roles.EDITOR)
    article = make_article(title="Live")
    page = editor.get(change_url(article))
    assert page.status_code == 200  # may read it
    assert not page.context["has_change_permission"]
    data = form_data(page)

    response = editor.post(change_url(article), {**data, "title": "Changed"})

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Live"


@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_an_editor_cannot_publish_or_unpublish_from_the_list(client_for, action):
    editor = client_for(roles.EDITOR)
    draft, live = make_article(status=Status.DRAFT), make_article()

    editor.post(
        admin_url(Article, "changelist"),
        {"action": action, "_selected_action": [draft.pk, live.pk]},
    )

    draft.refresh_from_db()
    live.refresh_from_db()
    assert (draft.status, live.status) == (Status.DRAFT, Status.PUBLISHED)


def test_an_editor_cannot_record_a_clinical_review(client_for):
    editor = client_for(roles.EDITOR)
    article = make_article(status=Status.DRAFT)
    data = form_data(editor.get(change_url(article)))
    assert "reviewed_by" not in data

    editor.post(
        change_url(article),
        {**data, "reviewed_by": "Dr Nobody", "last_reviewed": "2026-01-01"},
    )

    article.refresh_from_db()
    assert article.reviewed_by == ""
    assert article.last_reviewed is None


def test_an_editor_can_delete_a_draft_but_not_a_published_page(client_for):
    editor = client_for(roles.EDITOR)
    draft, live = make_article(status=Status.DRAFT), make_article()

    refused = editor.post(admin_url(live, "delete", live.pk), {"post": "yes"})
    allowed = editor.post(admin_url(draft, "delete", draft.pk), {"post": "yes"})

    assert refused.status_code == 403
    assert allowed.status_code == 302
    assert list(Article.objects.all()) == [live]


def test_an_editor_cannot_delete_published_pages_from_the_list(client_for):
    editor = client_for(roles.EDITOR)
    live = make_tip_page()

    editor.post(
        admin_url(TipPage, "changelist"),
        {"action": "delete_selected", "_selected_action": [live.pk], "post": "yes"},
    )

    assert TipPage.objects.filter(pk=live.pk).exists()


def test_an_editor_cannot_open_users_or_redirects(client_for):
    editor = client_for(roles.EDITOR)

    assert editor.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor.get(admin_url(Redirect, "add")).status_code == 403


def test_an_editor_cannot_restore_an_old_version_of_a_published_page(client_for):
    editor = client_for(roles.EDITOR)
    article = make_article(title="First")
    article.title = "Second"
    article.save()
    old = article.history.order_by("history_date").first()

    response = editor.post(admin_url(article, "restore", article.pk, old.history_id))

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Second"


# Clinical reviewer ----------------------------------------------------------------------------


def test_a_reviewer_can_record_a_review_on_a_live_page_and_nothing_else(client_for):
    reviewer = client_for(roles.CLINICAL_REVIEWER)
    article = make_article(title="Live")
    data = form_data(reviewer.get(change_url(article)))
    assert {"reviewed_by", "last_reviewed"} <= set(data)
    assert "title" not in data

    response = reviewer.post(
        change_url(article),
        {
            **data,
            "reviewed_by": "Dr Sam Lee, clinical psychologist",
            "last_reviewed": "2026-11-01",
            "title": "Sneaky title",
            "status": "draft",
        },
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.reviewed_by == "Dr Sam Lee, clinical psychologist"
    assert article.last_reviewed == datetime.date(2026, 11, 1)
    assert article.title == "Live"
    assert article.status == Status.PUBLISHED


def test_a_reviewer_cannot_add_publish_or_delete(client_for):
    reviewer = client_for(roles.CLINICAL_REVIEWER)
    draft = make_article(status=Status.DRAFT)

    assert reviewer.post(admin_url(Article, "add"), article_add_data()).status_code == 403
    publish(reviewer, draft)
    deleted = reviewer.post(admin_url(draft, "delete", draft.pk), {"post": "yes"})

    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert deleted.status_code == 403


def test_a_reviewer_cannot_change_a_resource(client_for):
    reviewer = client_for(roles.CLINICAL_REVIEWER)
    resource = make_resource(name="Helpline")
    data = form_data(reviewer.get(change_url(resource)))

    response = reviewer.post(change_url(resource), {**data, "name": "Changed"})

    assert response.status_code == 403
    assert Resource.objects.get().name == "Helpline"


# Publisher ------------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [make_article, make_tip_page, make_resource, make_page])
def test_a_publisher_can_publish_and_unpublish(client_for, make):
    publisher = client_for(roles.PUBLISHER)
    item = make(status=Status.DRAFT)

    publish(publisher, item)
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED

    publisher.post(
        admin_url(item, "changelist"), {"action": "unpublish", "_selected_action": [item.pk]}
    )
    item.refresh_from_db()
    assert item.status == Status.DRAFT


def test_a_publisher_can_edit_and_delete_a_live_page_but_not_record_a_review(client_for):
    publisher = client_for(roles.PUBLISHER)
    page = make_page(title="About")
    article = make_article(title="Live")
    data = form_data(publisher.get(change_url(article)))

    publisher.post(change_url(article), {**data, "title": "Live, improved", "reviewed_by": "Me"})
    deleted = publisher.post(admin_url(page, "delete", page.pk), {"post": "yes"})

    article.refresh_from_db()
    assert article.title == "Live, improved"
    assert article.reviewed_by == ""
    assert deleted.status_code == 302
    assert not Page.objects.exists()


def test_a_publisher_can_add_a_redirect(client_for):
    publisher = client_for(roles.PUBLISHER)

    response = publisher.post(
        admin_url(Redirect, "add"), {"old_path": "/old/", "new_path": "/guidance/"}
    )

    assert response.status_code == 302
    assert Redirect.objects.filter(old_path="/old/").exists()


# Site administrator ---------------------------------------------------------------------------


def test_a_site_administrator_can_manage_staff_and_everything_else(client_for, django_user_model):
    site_admin = client_for(roles.SITE_ADMINISTRATOR)
    article = make_article(status=Status.DRAFT)

    assert site_admin.get(reverse("admin:auth_user_changelist")).status_code == 200
    assert site_admin.get(reverse("admin:auth_group_changelist")).status_code == 200
    publish(site_admin, article)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


def test_an_editor_is_told_why_a_live_page_is_read_only(client_for):
    editor = client_for(roles.EDITOR)
    article = make_article()

    response = editor.get(change_url(article))

    assert "only a publisher can change it" in response.content.decode()
