"""
Changes to live pages wait as pending changes: parents keep seeing the live page until a
publisher publishes the change; preview and compare show it; discarding brings the live page
back; two people on one pending change are kept from overwriting each other.
"""

import pytest
from django.urls import reverse

from core import contentversion
from core.models import Status
from editorial import roles
from editorial.models import PendingChange, StepKind, WorkflowStep
from guidance.models import Article, Redirect
from tests.support.factories import make_article, make_tip_page
from tests.support.formdata import admin_url, change_url, form_data
from tips.models import TipPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client_for):
    return client_for(roles.EDITOR)


@pytest.fixture
def publisher(client_for):
    return client_for(roles.PUBLISHER)


def pending_url(obj, action):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}_pending", args=[obj.pk])


def save_pending(client, obj, **changes):
    data = form_data(client.get(change_url(obj)))
    response = client.post(change_url(obj), {**data, **changes})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def history_count(obj):
    return type(obj).history.filter(id=obj.pk).count()


def test_parents_keep_seeing_the_live_page_until_the_change_is_published(editor, client):
    article = make_article(title="Sleep and settling", body="<p>Old advice.</p>")
    versions_before = history_count(article)

    save_pending(editor, article, title="Sleep, settling and you", body="<p>New advice.</p>")

    article.refresh_from_db()
    assert article.title == "Sleep and settling"
    assert history_count(article) == versions_before  # the live page was not saved
    public = client.get(article.get_absolute_url()).content.decode()
    assert "Old advice." in public and "New advice." not in public
    step = WorkflowStep.objects.get()
    assert (step.kind, step.object_id) == (StepKind.PENDING_SAVED, article.pk)


def test_the_form_shows_the_pending_change_when_opened_again(editor):
    article = make_article(title="Live title")
    save_pending(editor, article, title="Pending title")

    page = editor.get(change_url(article))

    assert form_data(page)["title"] == "Pending title"
    assert "This page has a pending change." in page.content.decode()


def test_preview_shows_the_pending_change_and_leaves_nothing_behind(editor):
    article = make_article(title="Live title", body="<p>Live words.</p>")
    save_pending(editor, article, title="Pending title", body="<p>Pending words.</p>")
    versions = history_count(article)

    response = editor.get(pending_url(article, "preview"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Pending words." in html and "Live words." not in html
    assert "pending change to a live page" in html
    assert "no-store" in response["Cache-Control"]
    article.refresh_from_db()
    assert (article.title, history_count(article)) == ("Live title", versions)


def test_compare_lists_what_the_pending_change_would_change(editor):
    article = make_article(title="Live title", summary="Same summary.")
    save_pending(editor, article, title="Pending title")

    response = editor.get(pending_url(article, "compare"))

    labels = [change.label for change in response.context["changes"]]
    assert labels == ["Title"]
    assert "Pending change" in response.content.decode()
    assert not response.context["can_restore"]


def test_a_publisher_publishes_the_pending_change_with_history_and_a_redirect(
    editor, publisher, client
):
    article = make_article(title="Live title", slug="old-address")
    save_pending(editor, article, title="New title", slug="new-address")
    versions = history_count(article)

    response = publisher.post(pending_url(article, "publish"))

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.slug, article.status) == (
        "New title",
        "new-address",
        Status.PUBLISHED,
    )
    assert history_count(article) == versions + 1
    newest = Article.history.filter(id=article.pk).first()
    assert newest.history_user.username == "publisher"
    assert not PendingChange.objects.exists()
    assert Redirect.objects.filter(old_path="/guidance/old-address/").exists()
    assert client.get("/guidance/old-address/").status_code == 301
    assert WorkflowStep.objects.filter(kind=StepKind.PENDING_PUBLISHED).exists()


def test_an_editor_cannot_publish_a_pending_change(editor):
    article = make_article(title="Live title")
    save_pending(editor, article, title="New title")

    assert editor.post(pending_url(article, "publish")).status_code == 403
    article.refresh_from_db()
    assert article.title == "Live title"
    assert b"publish-pending" not in editor.get(change_url(article)).content


def test_discarding_brings_the_live_page_back_into_the_form(editor):
    article = make_article(title="Live title")
    save_pending(editor, article, title="Pending title")

    editor.post(pending_url(article, "discard"))

    assert not PendingChange.objects.exists()
    assert form_data(editor.get(change_url(article)))["title"] == "Live title"
    assert WorkflowStep.objects.filter(kind=StepKind.PENDING_DISCARDED).exists()


def test_pending_views_need_a_pending_change_and_post(editor, publisher):
    article = make_article()
    assert editor.get(pending_url(article, "preview")).status_code == 404
    assert publisher.post(pending_url(article, "publish")).status_code == 404
    save_pending(editor, article, title="Pending title")
    assert publisher.get(pending_url(article, "publish")).status_code == 405
    assert editor.get(pending_url(article, "discard")).status_code == 405


def test_two_editors_on_one_pending_change_the_second_is_told(client_for, django_user_model):
    first = client_for(roles.EDITOR)
    other = django_user_model.objects.create_user("other", "other@example.org", is_staff=True)
    other.groups.add(*django_user_model.objects.get(username="editor").groups.all())
    from tests.support.accounts import verified_client

    second = verified_client(other)
    article = make_article(title="Live title")
    save_pending(first, article, title="First pending")
    first_form = form_data(first.get(change_url(article)))
    second_form = form_data(second.get(change_url(article)))
    first.post(change_url(article), {**first_form, "title": "First again"})

    response = second.post(change_url(article), {**second_form, "title": "Second"})

    assert response.status_code == 200
    assert "saved the pending change of this page after you opened it" in response.content.decode()
    assert PendingChange.objects.get().data["title"] == ["First again"]


def test_a_pending_change_made_before_the_live_page_changed_is_not_published_blind(
    editor, publisher
):
    article = make_article(title="Live title", summary="Old summary.")
    save_pending(editor, article, title="Pending title")
    live_form = form_data(publisher.get(change_url(article)))
    # The publisher's form holds the pending change; they discard it in their head and save
    # another summary straight to the live page, as an older form would.
    live_form.update(summary="Publisher's summary.", pending_version="0", title="Live title")
    publisher.post(change_url(article), live_form)

    response = publisher.post(pending_url(article, "publish"))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Live title"  # not published: the live page moved on
    assert PendingChange.objects.exists()
    conflict = publisher.get(change_url(article)).content.decode()
    assert "after you opened it" in conflict


def test_a_publisher_s_save_of_the_form_holding_the_pending_change_makes_it_live(editor, publisher):
    article = make_article(title="Live title")
    save_pending(editor, article, title="Pending title")

    save_pending(publisher, article)  # the publisher's form holds the pending change

    article.refresh_from_db()
    assert article.title == "Pending title"
    assert not PendingChange.objects.exists()


def test_a_publisher_can_keep_their_own_change_pending(publisher):
    article = make_article(title="Live title")
    data = form_data(publisher.get(change_url(article)))

    publisher.post(change_url(article), {**data, "title": "Later", "_save": "pending"})

    article.refresh_from_db()
    assert article.title == "Live title"
    assert PendingChange.objects.get().data["title"] == ["Later"]


def test_tips_changed_and_added_in_a_pending_change_go_live_with_it(editor, publisher):
    tip_page = make_tip_page(tips=[{"baby_says": "I am tired", "try_this": "Dim the lights"}])
    data = form_data(editor.get(change_url(tip_page)))
    data["tips-0-baby_says"] = "I am very tired"
    blank = next(key for key in data if key.startswith("tips-1-") and key.endswith("baby_says"))
    data[blank] = "I want a cuddle"
    data[blank.replace("baby_says", "try_this")] = "Hold me close"
    assert editor.post(change_url(tip_page), data).status_code == 302
    assert [tip.baby_says for tip in tip_page.tips.all()] == ["I am tired"]

    preview = editor.get(pending_url(tip_page, "preview")).content.decode()
    assert "I am very tired" in preview and "I want a cuddle" in preview

    publisher.post(pending_url(tip_page, "publish"))

    tip_page = TipPage.objects.get(pk=tip_page.pk)
    assert sorted(tip.baby_says for tip in tip_page.tips.all()) == [
        "I am very tired",
        "I want a cuddle",
    ]


def test_an_editor_cannot_upload_a_new_picture_into_a_pending_change(editor):
    article = make_article()
    page = editor.get(change_url(article))
    assert "image" not in form_data(page)
    assert page.status_code == 200


def test_deleting_a_page_removes_its_pending_change(editor, publisher):
    article = make_article()
    save_pending(editor, article, title="Pending title")

    publisher.post(admin_url(article, "delete", article.pk), {"post": "yes"})

    assert not Article.objects.filter(pk=article.pk).exists()
    assert not PendingChange.objects.exists()


def test_the_page_cache_keeps_the_live_page_until_the_change_is_published(
    editor, publisher, client, django_capture_on_commit_callbacks
):
    article = make_article(title="Live title")
    url = article.get_absolute_url()
    assert b"Live title" in client.get(url).content  # now in the page cache
    version = contentversion.content_version()["token"]

    with django_capture_on_commit_callbacks(execute=True):
        save_pending(editor, article, title="Pending title")
        editor.get(pending_url(article, "preview"))
        editor.get(pending_url(article, "compare"))

    assert contentversion.content_version()["token"] == version  # nothing thrown away
    assert b"Live title" in client.get(url).content

    with django_capture_on_commit_callbacks(execute=True):
        publisher.post(pending_url(article, "publish"))

    assert b"Pending title" in client.get(url).content


def test_a_pending_change_from_before_an_upgrade_still_publishes(editor, publisher):
    article = make_article(title="Live title")
    save_pending(editor, article, title="Pending title")
    pending = PendingChange.objects.get()
    pending.fields = [*pending.fields, "a_field_taken_out_since"]
    pending.data["a_field_taken_out_since"] = ["anything"]
    pending.save()

    publisher.post(pending_url(article, "publish"))

    article.refresh_from_db()
    assert article.title == "Pending title"
