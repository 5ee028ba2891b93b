"""Staff preview: the public template with a draft banner, for staff who may view, never cached."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission, User
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from pytest_django.asserts import assertContains, assertNotContains

from core.models import Status
from tests.support.factories import make_article, make_page, make_resource, make_tip_page
from tests.support.markup import elements

pytestmark = pytest.mark.django_db

MAKERS = {"article": make_article, "tippage": make_tip_page, "page": make_page}


def preview_url(kind, pk):
    return reverse("editorial:preview", kwargs={"kind": kind, "pk": pk})


def banner_text(response):
    """The words of the preview banner, which must be a single status message."""
    html = response.content.decode()
    (banner,) = elements(html, "div", class_="preview-banner")
    assert banner["role"] == "status"
    start = html.index('class="preview-banner')
    block = html[start : html.index("</div>\n</div>", start)]
    return " ".join(strip_tags(block.split(">", 1)[1]).split())


@pytest.mark.parametrize("kind", MAKERS)
def test_a_draft_is_previewed_with_the_public_template_and_a_draft_banner(admin_client, kind):
    obj = MAKERS[kind](title="Quiet time together", status=Status.DRAFT)

    response = admin_client.get(preview_url(kind, obj.pk))

    assert response.status_code == 200
    assertContains(response, "<h1>Quiet time together</h1>", html=True)
    assertContains(response, 'class="urgent-help"')  # the public layout, header and all
    assert "this page is a draft" in banner_text(response)
    assert "Parents cannot see it" in banner_text(response)


def test_a_scheduled_page_says_when_it_goes_live(admin_client):
    when = timezone.make_aware(datetime.datetime(2099, 3, 4, 9, 30))
    article = make_article(published_at=when)

    text = banner_text(admin_client.get(preview_url("article", article.pk)))

    assert "scheduled to go live on Wednesday 4 March 2099 at 09:30" in text


def test_a_live_page_says_it_is_live(admin_client, past):
    article = make_article(published_at=past)

    assert "this page is live" in banner_text(admin_client.get(preview_url("article", article.pk)))


def test_the_banner_links_back_to_editing(admin_client):
    tip_page = make_tip_page(status=Status.DRAFT)

    response = admin_client.get(preview_url("tippage", tip_page.pk))

    change_url = reverse("admin:tips_tippage_change", args=[tip_page.pk])
    assertContains(response, f'href="{change_url}"')


def test_parents_never_see_the_banner(client):
    make_article(slug="open")

    assertNotContains(client.get("/guidance/open/"), "preview-banner")


def test_a_preview_is_never_cached_nor_indexed(admin_client):
    article = make_article(status=Status.DRAFT)

    response = admin_client.get(preview_url("article", article.pk))

    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
    assert "public" not in directives
    assert response["X-Robots-Tag"] == "noindex"
    assert not [key for key in cache._cache if "pagecache:page" in key]


def test_the_preview_shows_only_published_signposting_as_parents_would_see(admin_client):
    live = make_resource(name="Live helpline")
    hidden = make_resource(name="Draft helpline", status=Status.DRAFT)
    article = make_article(status=Status.DRAFT, resources=[live, hidden])

    response = admin_client.get(preview_url("article", article.pk))

    assertContains(response, "Live helpline")
    assertNotContains(response, "Draft helpline")


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    article = make_article(status=Status.DRAFT)

    response = client.get(preview_url("article", article.pk))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"] or "login" in response["Location"]
    assertNotContains(client.get(preview_url("article", article.pk), follow=True), article.title)


def test_staff_without_view_permission_are_refused(staff_client):
    user = User.objects.create_user("sam", password="a long passphrase 123", is_staff=True)
    article = make_article(status=Status.DRAFT, title="Secret draft")

    response = staff_client(user).get(preview_url("article", article.pk))

    assert response.status_code == 403


def test_staff_with_view_permission_can_preview(staff_client):
    user = User.objects.create_user("kim", password="a long passphrase 123", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_tippage"))
    tip_page = make_tip_page(status=Status.DRAFT, title="Bath time")

    assertContains(staff_client(user).get(preview_url("tippage", tip_page.pk)), "Bath time")
    # Permission for one kind is not permission for another.
    article = make_article(status=Status.DRAFT)
    assert staff_client(user).get(preview_url("article", article.pk)).status_code == 403


def test_permission_to_change_includes_previewing(staff_client):
    user = User.objects.create_user("lee", password="a long passphrase 123", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_page"))
    page = make_page(status=Status.DRAFT, title="Privacy draft")

    assertContains(staff_client(user).get(preview_url("page", page.pk)), "Privacy draft")


def test_unknown_kinds_and_missing_pages_are_not_found(admin_client):
    resource = make_resource()
    assert admin_client.get(preview_url("resource", resource.pk)).status_code == 404
    assert admin_client.get(preview_url("article", 987654)).status_code == 404


@pytest.mark.parametrize(
    ("kind", "model"),
    [("article", "guidance_article"), ("tippage", "tips_tippage"), ("page", "guidance_page")],
)
def test_the_change_form_has_preview_and_save_and_preview(admin_client, kind, model):
    obj = MAKERS[kind](status=Status.DRAFT)

    response = admin_client.get(reverse(f"admin:{model}_change", args=[obj.pk]))

    (link,) = elements(response, "a", class_="previewlink")
    assert link["href"] == preview_url(kind, obj.pk)
    assert elements(response, "button", name="_save", value="preview")


def test_resources_have_no_preview_buttons(admin_client):
    resource = make_resource()

    response = admin_client.get(reverse("admin:guidance_resource_change", args=[resource.pk]))

    assert not elements(response, "a", class_="previewlink")
    assert not elements(response, "button", name="_save", value="preview")


def test_save_and_preview_saves_then_opens_the_preview(admin_client):
    page = make_page(title="About us", status=Status.DRAFT, body="<p>Old words.</p>")
    change_url = reverse("admin:guidance_page_change", args=[page.pk])
    form = {
        "title": "About us",
        "slug": page.slug,
        "summary": "",
        "body": "<p>New words.</p>",
        "status": Status.DRAFT,
        "published_at_0": "",
        "published_at_1": "",
        # As a browser sends it: the button, and the change form's (unused) action menu.
        "_save": "preview",
        "CHANGE_FORM-action": "",
    }
    form |= hidden_form_fields(admin_client, change_url)

    response = admin_client.post(change_url, form)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == preview_url("page", page.pk)
    assertContains(admin_client.get(response["Location"]), "New words.")


def test_save_and_preview_works_on_a_change_form_with_actions(admin_client):
    """An article's change form has an action menu (Django 6.1): saving must not run it."""
    article = make_article(title="Crying", slug="crying", status=Status.DRAFT)
    change_url = reverse("admin:guidance_article_change", args=[article.pk])
    assert elements(admin_client.get(change_url), "select", name="CHANGE_FORM-action")
    form = hidden_form_fields(admin_client, change_url) | {
        "title": "Crying",
        "slug": "crying",
        "summary": "Why babies cry.",
        "body": "<p>Crying is how babies talk.</p>",
        "status": Status.DRAFT,
        "CHANGE_FORM-action": "",
        "_save": "preview",
        "sources-TOTAL_FORMS": "0",  # no new source
    }

    response = admin_client.post(change_url, form)

    errors = [line for line in response.content.decode().splitlines() if "errorlist" in line]
    assert response.status_code == 302, errors
    assert response["Location"] == preview_url("article", article.pk)


def hidden_form_fields(client, url):
    """Hidden inputs of the change form (e.g. a version number for conflict checks, the inline
    formsets' counts), leaving out those of the empty inline rows, as an untouched form sends."""
    response = client.get(url)
    return {
        field["name"]: field.get("value", "")
        for field in elements(response, "input", type="hidden")
        if field.get("name")
        and field["name"] != "csrfmiddlewaretoken"
        and not re.search(r"-(\d+|__prefix__)-", field["name"])
    }
