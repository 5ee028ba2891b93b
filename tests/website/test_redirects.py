"""Links never break: renamed pages redirect, manual redirects work, short links survive."""

import importlib

import pytest
from django.apps import apps

from core.models import Status
from guidance.models import Redirect
from tests.support.factories import make_article, make_page, make_tip_page
from tests.support.formdata import article_form_data

delete_off_site_redirects = importlib.import_module(
    "guidance.migrations.0012_redirect_remove_off_site_targets"
).delete_off_site_redirects

pytestmark = pytest.mark.django_db


def test_renaming_a_published_article_in_the_admin_redirects_the_old_address(admin_client):
    article = make_article(slug="shared-link", title="Old title")
    data = article_form_data(title="New title", slug="new-link", status=Status.PUBLISHED)

    response = admin_client.post(f"/admin/guidance/article/{article.pk}/change/", data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.slug == "new-link"
    old = admin_client.get("/guidance/shared-link/?utm=sms")
    assert old.status_code == 301
    assert old["Location"] == "/guidance/new-link/?utm=sms"


def test_renaming_twice_sends_the_first_address_straight_to_the_latest(client):
    Redirect.record_move("/guidance/a/", "/guidance/b/")
    Redirect.record_move("/guidance/b/", "/guidance/c/")
    make_article(slug="c")

    assert client.get("/guidance/a/")["Location"] == "/guidance/c/"
    assert client.get("/guidance/b/")["Location"] == "/guidance/c/"


def test_moving_back_to_an_old_address_removes_the_loop(client):
    Redirect.record_move("/guidance/a/", "/guidance/b/")
    Redirect.record_move("/guidance/b/", "/guidance/a/")
    make_article(slug="a")

    assert client.get("/guidance/a/").status_code == 200
    assert client.get("/guidance/b/")["Location"] == "/guidance/a/"


def test_renaming_a_draft_records_no_redirect(admin_client):
    article = make_article(slug="draft-name", status=Status.DRAFT)
    data = article_form_data(title="Draft", slug="better-name", status=Status.DRAFT)

    admin_client.post(f"/admin/guidance/article/{article.pk}/change/", data)

    assert not Redirect.objects.exists()


def test_a_real_page_wins_over_a_redirect(client):
    make_page(slug="about", title="About us")
    Redirect.objects.create(old_path="/about/", new_path="/help/")

    assert client.get("/about/").status_code == 200


def test_a_manual_redirect_from_the_admin_works(admin_client, client):
    response = admin_client.post(
        "/admin/guidance/redirect/add/",
        {"old_path": "/leaflet/", "new_path": "/tips/newborn-days/"},
    )

    assert response.status_code == 302
    assert client.get("/leaflet/")["Location"] == "/tips/newborn-days/"


def test_short_links_survive_a_rename(client):
    article = make_article(slug="first-name")
    tip_page = make_tip_page(slug="tips-name")
    article.slug = "second-name"
    article.save()

    assert client.get(f"/a/{article.pk}/")["Location"] == "/guidance/second-name/"
    assert client.get(f"/t/{tip_page.pk}/")["Location"] == "/tips/tips-name/"


def test_short_links_to_drafts_or_missing_pages_are_not_found(client):
    draft = make_article(status=Status.DRAFT)

    assert client.get(f"/a/{draft.pk}/").status_code == 404
    assert client.get("/a/999999/").status_code == 404


def test_article_and_tip_pages_show_their_short_link(client):
    article = make_article(slug="share-me")
    tip_page = make_tip_page(slug="share-tips")

    assert f'href="/a/{article.pk}/"'.encode() in client.get("/guidance/share-me/").content
    assert f'href="/t/{tip_page.pk}/"'.encode() in client.get("/tips/share-tips/").content


@pytest.mark.parametrize("path", ["/%00/", "/guidance/a%00b/", "/" + "x" * 600 + "/"])
def test_a_path_that_no_redirect_could_hold_is_a_plain_404(client, path):
    # PostgreSQL refuses NUL in text: the redirect lookup must not even be tried.
    assert client.get(path).status_code == 404


# Only paths on this site can be a redirect's new address

OFF_SITE_TARGETS = [
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "/\t/evil.example/",
    "/\n/evil.example/",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://evil.example/",
    "guidance/no-slash/",
    "/guidance/new\u200bname/",
]


@pytest.mark.parametrize("target", OFF_SITE_TARGETS)
def test_the_admin_refuses_a_new_address_that_is_not_a_path_on_this_site(
    admin_client, client, target
):
    response = admin_client.post(
        "/admin/guidance/redirect/add/", {"old_path": "/leaflet/", "new_path": target}
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["new_path"] == [
        "Give a path on this site, starting with one slash, e.g. /guidance/new-name/. "
        "Addresses on other websites, and addresses with spaces or backslashes, cannot be used."
    ]
    assert not Redirect.objects.exists()
    assert client.get("/leaflet/").status_code == 404


@pytest.mark.parametrize("target", ["/tips/newborn-days/", "/guidance/a-b/?from=leaflet", "/"])
def test_a_path_on_this_site_is_accepted(admin_client, client, target):
    response = admin_client.post(
        "/admin/guidance/redirect/add/", {"old_path": "/leaflet/", "new_path": target}
    )

    assert response.status_code == 302
    assert client.get("/leaflet/")["Location"] == target


def test_the_migration_deletes_redirects_that_leave_the_site(client):
    for number, target in enumerate(OFF_SITE_TARGETS):
        # As rows were before the check: written without it.
        Redirect.objects.create(old_path=f"/old-{number}/", new_path=target)
    Redirect.objects.create(old_path="/kept/", new_path="/tips/newborn-days/")

    delete_off_site_redirects(apps, None)

    assert list(Redirect.objects.values_list("old_path", flat=True)) == ["/kept/"]
    assert client.get("/old-0/").status_code == 404
    assert client.get("/kept/")["Location"] == "/tips/newborn-days/"
