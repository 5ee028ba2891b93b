"""Deleting asks first and can be undone from "Deleted pages"."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core.models import Status
from editorial import roles
from guidance.models import Article
from tests.support.factories import make_article, make_resource, make_stage, make_tip_page
from tests.support.formdata import admin_url
from tips.models import TipPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("role_groups")]


def restore_url(obj_label, record):
    return reverse("editorial:restore_deleted", args=[obj_label, record.history_id])


def deletion_of(model, pk):
    return model.history.get(id=pk, history_type="-")


def test_the_confirmation_page_says_a_published_page_can_be_brought_back(admin_client):
    article = make_article(title="Going soon")

    response = admin_client.get(admin_url(article, "delete", article.pk))

    content = response.content.decode()
    assert "This page is published" in content
    assert "Deleted pages" in content
    assert Article.objects.filter(pk=article.pk).exists()  # asking deletes nothing


def test_a_deleted_page_is_listed_with_who_deleted_it(admin_client, admin_user):
    article = make_article(title="Night feeds")
    admin_client.post(admin_url(article, "delete", article.pk), {"post": "yes"})

    response = admin_client.get(reverse("editorial:deleted"))

    listed = response.context["deleted"]
    assert [(page.title, can) for page, can in listed] == [("Night feeds", True)]
    assert listed[0][0].record.history_user == admin_user
    assert "Bring it back" in response.content.decode()


def test_bringing_back_a_tip_page_restores_its_fields_tips_sources_and_links(admin_client):
    stage, resource = make_stage(), make_resource()
    page = make_tip_page(
        title="Bath time",
        stages=[stage],
        resources=[resource],
        tips=[{"baby_says": "Warm water feels nice.", "try_this": "Talk to me."}],
        sources=["NHS: bathing your baby"],
        reviewed_by="Dr A",
    )
    pk = page.pk
    admin_client.post(admin_url(page, "delete", pk), {"post": "yes"})
    assert not TipPage.objects.exists()

    response = admin_client.post(restore_url("tips.tippage", deletion_of(TipPage, pk)))

    assert response.status_code == 302
    back = TipPage.objects.get(pk=pk)
    assert (back.title, back.reviewed_by, back.status) == ("Bath time", "Dr A", Status.PUBLISHED)
    assert list(back.stages.all()) == [stage]
    assert list(back.resources.all()) == [resource]
    assert [tip.try_this for tip in back.tips.all()] == ["Talk to me."]
    assert [source.title for source in back.sources.all()] == ["NHS: bathing your baby"]
    assert back.history.latest().history_change_reason == "Restored after it was deleted"
    assert admin_client.get(reverse("editorial:deleted")).context["deleted"] == []


def test_an_editor_brings_a_published_page_back_as_a_draft(staff_client, django_user_model):
    article = make_article(title="Was live")
    pk = article.pk
    article.delete()
    editor = django_user_model.objects.create_user("ed", is_staff=True)
    editor.groups.add(Group.objects.get(name=roles.EDITOR))

    staff_client(editor).post(restore_url("guidance.article", deletion_of(Article, pk)))

    assert Article.objects.get(pk=pk).status == Status.DRAFT


def test_a_page_whose_address_was_taken_comes_back_with_a_new_one(admin_client):
    article = make_article(slug="crying")
    pk = article.pk
    article.delete()
    make_article(slug="crying")

    admin_client.post(restore_url("guidance.article", deletion_of(Article, pk)))

    assert Article.objects.get(pk=pk).slug == "crying-restored"


def test_a_clinical_reviewer_cannot_bring_pages_back(staff_client, django_user_model):
    article = make_article()
    pk = article.pk
    article.delete()
    reviewer = django_user_model.objects.create_user("rev", is_staff=True)
    reviewer.groups.add(Group.objects.get(name=roles.CLINICAL_REVIEWER))

    response = staff_client(reviewer).post(
        restore_url("guidance.article", deletion_of(Article, pk))
    )

    assert response.status_code == 403
    assert not Article.objects.exists()


def test_restoring_needs_a_post(admin_client):
    article = make_article()
    pk = article.pk
    article.delete()

    response = admin_client.get(restore_url("guidance.article", deletion_of(Article, pk)))

    assert response.status_code == 405
    assert not Article.objects.exists()
