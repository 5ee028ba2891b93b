"""Each role's allowed and refused actions, as real requests through the admin."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse

from core.models import Status
from editorial import roles
from editorial.models import PendingChange
from guidance.models import Article, Page, Redirect, Resource
from search.models import CrisisPhrase, MissedSearch, Synonym
from tests.support.factories import make_article, make_page, make_resource, make_tip_page
from tests.support.formdata import admin_url, change_url, form_data
from tips.models import TipPage
from website.models import SiteSettings

pytestmark = pytest.mark.django_db


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


REVIEWED_ON = datetime.date(2026, 1, 5)


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


def test_an_editor_s_change_to_a_published_page_waits_as_a_pending_change(client_for):
    editor = client_for(roles.EDITOR)
    article = make_article(title="Live")
    page = editor.get(change_url(article))
    assert page.status_code == 200
    assert page.context["has_change_permission"]
    data = form_data(page)

    response = editor.post(change_url(article), {**data, "title": "Changed"})

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Live"  # parents still see the live page
    assert PendingChange.objects.get(object_id=article.pk).data["title"] == ["Changed"]


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
    # A reviewed kind is reviewed: the publish action leaves out pages never reviewed.
    reviewed = {"last_reviewed": REVIEWED_ON} if make in (make_article, make_tip_page) else {}
    item = make(status=Status.DRAFT, **reviewed)

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
    article = make_article(status=Status.DRAFT, last_reviewed=REVIEWED_ON)

    assert site_admin.get(reverse("admin:auth_user_changelist")).status_code == 200
    assert site_admin.get(reverse("admin:auth_group_changelist")).status_code == 200
    publish(site_admin, article)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


def test_an_editor_is_told_that_changes_to_a_live_page_wait_for_a_publisher(client_for):
    editor = client_for(roles.EDITOR)
    article = make_article()

    response = editor.get(change_url(article))

    assert "kept as a pending change" in response.content.decode()


# Search: crisis words, synonyms and the report of searches that found little --------------------

SEARCH_ROLES = (roles.EDITOR, roles.CLINICAL_REVIEWER, roles.PUBLISHER, roles.SITE_ADMINISTRATOR)
READ = "read"  # 200, with the form shown read-only

# Per search admin page, what each role in SEARCH_ROLES gets.
SEARCH_MATRIX = [
    ("crisis words: list", CrisisPhrase, "changelist", (200, 200, 200, 200)),
    ("crisis words: add", CrisisPhrase, "add", (403, 200, 200, 200)),
    ("crisis words: change", CrisisPhrase, "change", (READ, 200, 200, 200)),
    ("crisis words: delete", CrisisPhrase, "delete", (403, 403, 200, 200)),
    ("crisis words: history", CrisisPhrase, "history", (200, 200, 200, 200)),
    ("synonyms: list", Synonym, "changelist", (200, 200, 200, 200)),
    ("synonyms: add", Synonym, "add", (200, 403, 200, 200)),
    ("synonyms: change", Synonym, "change", (200, READ, 200, 200)),
    ("synonyms: delete", Synonym, "delete", (403, 403, 200, 200)),
    ("synonyms: history", Synonym, "history", (200, 200, 200, 200)),
    ("missed searches: report", MissedSearch, "changelist", (200, 200, 200, 200)),
    ("missed searches: CSV", MissedSearch, "csv", (200, 200, 200, 200)),
    ("missed searches: add", MissedSearch, "add", (403, 403, 403, 403)),
    ("missed searches: one day", MissedSearch, "change", (READ, READ, READ, READ)),
    ("missed searches: delete", MissedSearch, "delete", (403, 403, 403, 200)),
    ("missed searches: delete words", MissedSearch, "remove", (403, 403, 403, 200)),
]


def search_objects():
    return {
        CrisisPhrase: CrisisPhrase.objects.create(phrase="hurt my baby"),
        Synonym: Synonym.objects.create(term="pnd", also_means="postnatal depression"),
        MissedSearch: MissedSearch.objects.create(
            query="colic", day=datetime.date(2026, 1, 1), found=0, count=1
        ),
    }


@pytest.mark.parametrize(
    ("role", "model", "view", "expected"),
    [
        pytest.param(role, model, view, expected[i], id=f"{role}: {name}")
        for name, model, view, expected in SEARCH_MATRIX
        for i, role in enumerate(SEARCH_ROLES)
    ],
)
def test_each_role_s_access_to_search_s_admin(client_for, role, model, view, expected):
    obj = search_objects()[model]
    args = [obj.pk] if view in {"change", "delete", "history"} else []
    query = "?query=colic" if view == "remove" else ""

    response = client_for(role).get(admin_url(model, view, *args) + query)

    assert response.status_code == (200 if expected == READ else expected)
    if view == "change" and response.status_code == 200:
        assert response.context["has_change_permission"] is (expected != READ)


def test_staff_without_a_role_cannot_see_the_search_report(django_user_model, staff_client):
    user = django_user_model.objects.create_user("nobody", is_staff=True)
    client = staff_client(user)

    assert client.get(admin_url(MissedSearch, "changelist")).status_code == 403
    assert client.get(admin_url(MissedSearch, "csv")).status_code == 403


def test_an_editor_can_add_a_synonym_but_not_crisis_words(client_for):
    editor = client_for(roles.EDITOR)

    synonym = editor.post(admin_url(Synonym, "add"), {"term": "pnd", "also_means": "postnatal"})
    crisis = editor.post(admin_url(CrisisPhrase, "add"), {"phrase": "hurt my baby"})

    assert synonym.status_code == 302
    assert crisis.status_code == 403
    assert Synonym.objects.filter(term="pnd").exists()
    assert not CrisisPhrase.objects.exists()


def test_a_reviewer_can_add_crisis_words_but_not_delete_them(client_for):
    reviewer = client_for(roles.CLINICAL_REVIEWER)

    added = reviewer.post(admin_url(CrisisPhrase, "add"), {"phrase": "hurt my baby"})
    phrase = CrisisPhrase.objects.get()
    deleted = reviewer.post(admin_url(phrase, "delete", phrase.pk), {"post": "yes"})

    assert added.status_code == 302
    assert deleted.status_code == 403
    assert CrisisPhrase.objects.exists()


def search_permissions_by_group():
    return {
        group.name: set(
            group.permissions.filter(content_type__app_label="search").values_list(
                "codename", flat=True
            )
        )
        for group in Group.objects.filter(name__in=roles.ROLES)
    }


def every_permission_by_group():
    return {
        group.name: {
            f"{p.content_type.app_label}.{p.codename}"
            for p in group.permissions.select_related("content_type")
        }
        for group in Group.objects.filter(name__in=roles.ROLES)
    }


def expected_search_permissions():
    every = {
        f"{action}_{model}"
        for action in roles.ALL
        for model in ("crisisphrase", "synonym", "missedsearch")
    }
    table = {
        role: {
            name.split(".")[1]
            for name in roles.role_permissions()[role]
            if name.startswith("search.")
        }
        for role in (roles.EDITOR, roles.CLINICAL_REVIEWER, roles.PUBLISHER)
    }
    return {**table, roles.SITE_ADMINISTRATOR: every}


def test_the_search_permissions_in_the_table_are_as_agreed():
    expected = expected_search_permissions()

    assert expected[roles.EDITOR] == {
        "view_crisisphrase",
        "add_synonym",
        "change_synonym",
        "view_synonym",
        "view_missedsearch",
    }
    assert expected[roles.CLINICAL_REVIEWER] == {
        "add_crisisphrase",
        "change_crisisphrase",
        "view_crisisphrase",
        "view_synonym",
        "view_missedsearch",
    }
    assert expected[roles.PUBLISHER] == {
        "add_crisisphrase",
        "change_crisisphrase",
        "delete_crisisphrase",
        "view_crisisphrase",
        "add_synonym",
        "change_synonym",
        "delete_synonym",
        "view_synonym",
        "view_missedsearch",
    }


@pytest.mark.django_db(transaction=True)  # SQLite cannot alter tables inside a test transaction
def test_undoing_the_search_roles_migration_takes_the_search_permissions_away():
    # From the start: an earlier test that emptied the database took the groups with it.
    call_command("migrate", "editorial", "zero", verbosity=0)
    call_command("migrate", "editorial", verbosity=0)
    assert search_permissions_by_group() == expected_search_permissions()

    call_command("migrate", "editorial", "0001", verbosity=0)
    assert search_permissions_by_group() == {role: set() for role in roles.ROLES}
    assert Group.objects.get(name=roles.EDITOR).permissions.filter(codename="add_article").exists()

    call_command("migrate", "editorial", verbosity=0)
    assert search_permissions_by_group() == expected_search_permissions()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("first", ["editorial", "search"])
def test_the_roles_migrations_work_whichever_app_a_fresh_database_migrates_first(first):
    call_command("migrate", "editorial", "zero", verbosity=0)
    call_command("migrate", "search", "zero", verbosity=0)
    # As on a fresh database: Django has not made search's permissions yet. (Deleted directly:
    # the editorial tables that could refer to them are gone while editorial is at zero.)
    Permission.objects.filter(content_type__app_label="search").delete()
    ContentType.objects.filter(app_label="search")._raw_delete(ContentType.objects.db)

    call_command(
        "migrate", *([first, "0001_roles"] if first == "editorial" else [first]), verbosity=0
    )
    call_command("migrate", verbosity=0)

    migrated = every_permission_by_group()
    assert search_permissions_by_group() == expected_search_permissions()
    # The tests' fixture gives what the two migrations give.
    roles.grant_roles(Group, Permission)
    assert every_permission_by_group() == migrated


# Site settings: the charity's own details, for site administrators only -----------------------

# Per site settings admin page, what each role in SEARCH_ROLES gets (302: on to the one record).
SITE_SETTINGS_MATRIX = [
    ("list", "changelist", (403, 403, 403, 302)),
    ("add (there is one already)", "add", (403, 403, 403, 403)),
    ("change", "change", (403, 403, 403, 200)),
    ("delete", "delete", (403, 403, 403, 403)),
    ("history", "history", (403, 403, 403, 200)),
]


@pytest.mark.parametrize(
    ("role", "view", "expected"),
    [
        pytest.param(role, view, expected[i], id=f"{role}: site settings {name}")
        for name, view, expected in SITE_SETTINGS_MATRIX
        for i, role in enumerate(SEARCH_ROLES)
    ],
)
def test_each_role_s_access_to_the_site_settings(client_for, role, view, expected):
    record = SiteSettings.load()
    args = [record.pk] if view in {"change", "delete", "history"} else []

    response = client_for(role).get(admin_url(SiteSettings, view, *args))

    assert response.status_code == expected
