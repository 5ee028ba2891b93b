"""Our staff forms on admin pages go through our form template pack (docs/forms.md), as the public
forms and the login forms do: a labelled group per field with its hint and error message by id,
an error summary, our buttons and no Bootstrap. Each still sends what its view reads."""

import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission, User
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from guidance.models import Article
from search.models import MissedSearch
from tests.support.factories import make_article, make_stage
from tests.support.formdata import admin_url, change_url
from tests.support.forms import (
    BOOTSTRAP_CLASS,
    Markup,
    assert_error_summary,
    assert_field_group,
    text,
)
from tests.support.vnu import vnu_command, vnu_messages

pytestmark = pytest.mark.django_db

ACTION = "mark_clinically_reviewed"
RECENT = "editorial:recent_changes"


def forms_in(response):
    """Every <form> on the page, each as its own Markup."""
    html = response.content.decode()
    return [Markup(form) for form in re.findall(r"<form\b.*?</form>", html, flags=re.S)]


def our_form(response):
    """The one form of ours on the page, the one the pack drew (class ``staff-form``)."""
    (form,) = [form for form in forms_in(response) if "staff-form" in form.elements[0].classes]
    return form


def assert_pack_markup(markup):
    """Our button in the pack's button group, nothing of Bootstrap, no inline style or script."""
    assert sorted(n for n in markup.class_names() if BOOTSTRAP_CLASS.match(n)) == []
    assert "style=" not in markup.html
    assert "<script" not in markup.html
    button = markup.one("button")
    assert button.classes == ["button"]
    assert button.attrs["type"] == "submit"
    assert "name" not in button.attrs  # like the old buttons, it adds nothing to what is sent
    assert "button-group" in next(e for e in markup.elements if button in e.children).classes
    assert markup.all("input", type="submit") == []
    return button


def assert_posts_with_csrf(markup, action=None):
    form = markup.elements[0]
    assert form.attrs["method"] == "post"
    assert "novalidate" in form.attrs
    assert form.attrs.get("action") == action
    assert len(markup.all("input", type="hidden", name="csrfmiddlewaretoken")) == 1


def sent_by(markup):
    """What a browser sends from the form: each named input's value (lists for repeated names)."""
    data = {}
    for element in markup.all("input"):
        name = element.attrs.get("name")
        if name and name != "csrfmiddlewaretoken":
            data.setdefault(name, []).append(element.attrs.get("value", ""))
    return data


def title(response):
    return text(Markup(response.content.decode()).one("title"))


# Mark as clinically reviewed --------------------------------------------------------------------


@pytest.fixture
def reviewer(staff_client):
    user = User.objects.create_user(
        "sam", password="x", is_staff=True, first_name="Sam", last_name="Lee"
    )
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["view_article", "review_article"])
    )
    return staff_client(user)


def ask_to_mark(client, pages, **extra):
    data = {"action": ACTION, ACTION_CHECKBOX_NAME: [page.pk for page in pages], **extra}
    return client.post(admin_url("guidance.article", "changelist"), data)


def test_the_reviewer_question_is_a_field_group_with_its_hint(reviewer):
    pages = [make_article(), make_article()]

    response = ask_to_mark(reviewer, pages, index="0")
    markup = our_form(response)

    assert "editorial/mark_reviewed.html" in [template.name for template in response.templates]
    assert_posts_with_csrf(markup)
    field = response.context_data["form"]["reviewed_by"]
    assert_field_group(markup, field)
    assert markup.by_id("id_reviewed_by").described_by() == ["id_reviewed_by_helptext"]
    assert markup.by_id("id_reviewed_by").attrs["value"] == "Sam Lee"
    assert markup.with_class("error-summary") == []
    assert text(assert_pack_markup(markup)) == "Mark as reviewed today"
    back = markup.one("a", **{"class": "button-group__link"})
    assert back.attrs["href"] == admin_url("guidance.article", "changelist")
    assert text(back) == "Go back without changing anything"
    assert not title(response).startswith("Error:")


def test_an_empty_reviewer_gets_the_summary_and_a_message_that_says_what_to_do(reviewer):
    page = make_article()

    response = ask_to_mark(reviewer, [page], apply="yes", reviewed_by="  ")
    markup = our_form(response)

    message = "Enter the name and role of the clinical reviewer"
    assert_error_summary(markup, "There is a problem", [("#id_reviewed_by", message)])
    assert_field_group(markup, response.context_data["form"]["reviewed_by"])
    assert markup.by_id("id_reviewed_by").described_by() == [
        "id_reviewed_by_helptext",
        "id_reviewed_by_error",
    ]
    assert title(response).startswith("Error:")
    assert_pack_markup(markup)
    page.refresh_from_db()
    assert page.last_reviewed is None


def test_sending_the_confirmation_as_drawn_marks_every_chosen_page(reviewer):
    pages = [make_article(), make_article()]
    markup = our_form(ask_to_mark(reviewer, pages, index="0"))

    data = sent_by(markup)
    response = reviewer.post(admin_url("guidance.article", "changelist"), data)

    assert data[ACTION_CHECKBOX_NAME] == [str(page.pk) for page in pages]
    assert data["action"] == [ACTION]
    assert data["apply"] == ["yes"]
    assert response.status_code == 302
    today = timezone.localdate()
    assert set(Article.objects.values_list("last_reviewed", "reviewed_by")) == {(today, "Sam Lee")}


def test_from_a_change_form_the_confirmation_posts_back_to_its_prefixed_action(reviewer):
    page = make_article()
    url = change_url(page)
    markup = our_form(
        reviewer.post(url, {"CHANGE_FORM-action": ACTION, ACTION_CHECKBOX_NAME: page.pk})
    )

    data = sent_by(markup)
    reviewer.post(url, data)

    assert data["CHANGE_FORM-action"] == [ACTION]
    assert "action" not in data
    assert markup.one("a", **{"class": "button-group__link"}).attrs["href"] == url
    page.refresh_from_db()
    assert page.last_reviewed == timezone.localdate()


# Recent changes ---------------------------------------------------------------------------------


FILTERS = {"person": "Person", "kind": "Kind of content", "action": "What happened"}


def test_the_filters_are_a_get_form_of_labelled_groups_and_a_show_button(admin_client):
    response = admin_client.get(reverse(RECENT))
    markup = our_form(response)

    form = markup.elements[0]
    assert form.attrs["method"] == "get"
    assert "editorial-filters" in form.classes
    assert markup.all("input", name="csrfmiddlewaretoken") == []
    for name, label in FILTERS.items():
        assert markup.by_id(f"filter-{name}").attrs["name"] == name
        assert text(markup.one("label", **{"for": f"filter-{name}"})) == label
        assert_field_group(markup, response.context_data["form"][name])
    assert markup.all("input", name="page") == []  # filtering starts again at the first page
    assert text(assert_pack_markup(markup)) == "Show"
    assert markup.with_class("error-summary") == []


def test_the_chosen_filters_stay_chosen_and_the_pages_keep_them(admin_client, monkeypatch):
    monkeypatch.setattr("editorial.audit.PER_PAGE", 1)
    for number in range(3):
        make_stage(title=f"Stage {number}")

    query = {"person": "", "kind": "guidance.stage", "action": "+"}
    response = admin_client.get(reverse(RECENT), query)
    markup = our_form(response)

    assert markup.one("option", value="guidance.stage").attrs.get("selected") == ""
    assert markup.one("option", value="+").attrs.get("selected") == ""
    assert response.context["pages"] == 3
    assert "?person=&amp;kind=guidance.stage&amp;action=%2B&amp;page=2" in response.content.decode()
    assert {change.kind for change in response.context["changes"]} == {"Stage"}


@pytest.mark.parametrize("page", ["0", "-1", "two", "²", "99999999999999999999999"])
def test_a_page_number_nobody_typed_well_is_a_page_without_an_error(admin_client, page):
    make_stage()

    response = admin_client.get(reverse(RECENT), {"page": page})

    assert response.status_code == 200
    assert response.context["page"] == 1
    assert our_form(response).with_class("error-summary") == []


def test_filters_that_are_not_on_the_lists_are_reported_and_left_out(admin_client):
    make_stage()
    everything = admin_client.get(reverse(RECENT)).context["total"]

    response = admin_client.get(
        reverse(RECENT), {"person": "somebody", "kind": "auth.user", "action": "?"}
    )
    markup = our_form(response)

    assert response.status_code == 200
    assert response.context["total"] == everything  # as if no filter was asked for
    assert_error_summary(
        markup,
        "There is a problem",
        [
            ("#filter-person", "Choose a person from the list"),
            ("#filter-kind", "Choose a kind of content from the list"),
            ("#filter-action", "Choose what happened from the list"),
        ],
    )
    for name in FILTERS:
        assert_field_group(markup, response.context_data["form"][name])
    assert title(response).startswith("Error:")
    assert_pack_markup(markup)


def test_a_person_not_on_the_list_still_filters_as_before(admin_client):
    make_stage()
    gone = User.objects.create_user("left", password="x")  # no longer staff: not offered

    offered = our_form(admin_client.get(reverse(RECENT))).all("option", value=str(gone.pk))
    response = admin_client.get(reverse(RECENT), {"person": gone.pk})

    assert offered == []
    assert response.context["changes"] == []
    assert our_form(response).with_class("error-summary") == []


# The buttons: bring back, restore, compare, delete search words ---------------------------------


def delete_in_admin(client, page):
    response = client.post(admin_url(page, "delete", page.pk), {"post": "yes"})
    assert response.status_code == 302


def test_each_deleted_page_has_its_own_bring_back_form(admin_client):
    pages = [make_article(title="Night feeds"), make_article(title="Colic")]
    for page in pages:
        delete_in_admin(admin_client, page)

    response = admin_client.get(reverse("editorial:deleted"))
    forms = [form for form in forms_in(response) if "staff-form" in form.elements[0].classes]

    assert len(forms) == 2
    ids = [form.one("button").attrs["id"] for form in forms]
    assert len(set(ids)) == 2
    for form, title_ in zip(forms, ["Colic", "Night feeds"], strict=True):
        record = Article.history.get(title=title_, history_type="-")
        action = reverse("editorial:restore_deleted", args=["guidance.article", record.history_id])
        assert_posts_with_csrf(form, action)
        button = assert_pack_markup(form)
        assert text(button) == "Bring it back"
        assert button.attrs["aria-label"] == f"Bring back “{title_}”"
        assert sent_by(form) == {}


def test_the_bring_back_form_brings_the_page_back(admin_client):
    page = make_article(title="Night feeds")
    delete_in_admin(admin_client, page)
    form = our_form(admin_client.get(reverse("editorial:deleted")))

    response = admin_client.post(form.elements[0].attrs["action"], sent_by(form))

    assert response.status_code == 302
    assert Article.objects.filter(title="Night feeds").exists()


def test_the_compare_page_restores_through_our_form(admin_client):
    article = make_article(title="Sleep")
    article.title = "Sleep, simply"
    article.save()
    old = article.history.earliest()

    response = admin_client.get(
        reverse("admin:guidance_article_compare", args=[article.pk]), {"old": old.history_id}
    )
    markup = our_form(response)
    action = reverse("admin:guidance_article_restore", args=[article.pk, old.history_id])

    assert_posts_with_csrf(markup, action)
    assert text(assert_pack_markup(markup)) == "Restore the older version"
    assert admin_client.post(action, sent_by(markup)).status_code == 302
    article.refresh_from_db()
    assert article.title == "Sleep"


def test_the_history_keeps_its_table_of_radios_and_our_compare_button(admin_client):
    article = make_article()
    article.save()

    response = admin_client.get(reverse("admin:guidance_article_history", args=[article.pk]))
    (markup,) = [form for form in forms_in(response) if form.all("input", type="radio")]

    form = markup.elements[0]
    assert form.attrs["method"] == "get"
    assert form.attrs["action"] == reverse("admin:guidance_article_compare", args=[article.pk])
    assert {radio.attrs["name"] for radio in markup.all("input", type="radio")} == {"old", "new"}
    assert markup.one("table")
    assert markup.all("form") == [form]  # the pack drew the button only, inside this form
    assert text(assert_pack_markup(markup)) == "Compare the chosen versions"


@pytest.fixture
def words():
    return MissedSearch.objects.create(
        query="jo bloggs 12 acacia avenue", day=timezone.localdate(), found=0, count=2
    )


def test_deleting_search_words_is_confirmed_with_our_form(admin_client, words):
    page = reverse("admin:search_missedsearch_remove")
    report = reverse("admin:search_missedsearch_changelist")

    response = admin_client.get(page, {"query": words.query})
    markup = our_form(response)

    assert_posts_with_csrf(markup)  # to this page, as before
    assert text(assert_pack_markup(markup)) == "Yes, delete"
    assert sent_by(markup) == {"query": [words.query]}
    back = markup.one("a", **{"class": "button-group__link"})
    assert (back.attrs["href"], text(back)) == (report, "No, take me back")
    deleted = admin_client.post(page, sent_by(markup))
    assert deleted["Location"] == report
    assert not MissedSearch.objects.exists()


# Their look, and valid HTML ---------------------------------------------------------------------


def test_every_staff_page_links_the_shared_stylesheet_and_it_is_found(admin_client, client):
    assert finders.find("css/staff-forms.css")
    stylesheet = "/static/css/staff-forms.css"
    pages = [
        client.get(reverse("accounts:login")),
        admin_client.get(reverse(RECENT)),
        admin_client.get(reverse("accounts:backup_codes")),
    ]

    for response in pages:
        links = Markup(response.content.decode()).all("link", rel="stylesheet")
        assert stylesheet in [link.attrs["href"] for link in links]


def test_the_pages_with_our_staff_forms_are_valid_html(admin_client, reviewer, words, tmp_path):
    command = vnu_command()
    article = make_article(title="Sleep")
    article.save()
    deleted = make_article(title="Gone")
    delete_in_admin(admin_client, deleted)
    pages = {
        "mark-reviewed": ask_to_mark(reviewer, [article], apply="yes", reviewed_by=""),
        "recent-changes": admin_client.get(reverse(RECENT), {"kind": "nonsense"}),
        "deleted": admin_client.get(reverse("editorial:deleted")),
        "compare": admin_client.get(reverse("admin:guidance_article_compare", args=[article.pk])),
        "history": admin_client.get(reverse("admin:guidance_article_history", args=[article.pk])),
        "remove": admin_client.get(
            reverse("admin:search_missedsearch_remove"), {"query": words.query}
        ),
    }
    files = []
    for name, response in pages.items():
        assert response.status_code == 200, name
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)

    problems = [f"{m.get('url')}: {m['message']}" for m in vnu_messages(command, files)]

    assert problems == []
