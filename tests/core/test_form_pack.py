"""Our crispy-forms template pack (templates/littlevoices/): every form of ours, unbound and with
errors, in the NHS/GOV.UK pattern (docs/forms.md), with no Bootstrap markup left anywhere."""

import importlib.util
import re

import pytest
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from crispy_forms.utils import render_crispy_form
from django import forms
from django.conf import settings
from django.template import Context, Template, TemplateDoesNotExist
from django.template.loader import get_template
from django.test import RequestFactory
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.forms import EnrolForm, ReplaceBackupCodesForm, StaffAuthenticationForm, VerifyForm
from search.forms import SearchForm
from tests.support.accounts import PASSWORD, enter_password
from tests.support.forms import (
    BOOTSTRAP_CLASS,
    Markup,
    assert_error_summary,
    assert_field_group,
    flatten,
    text,
)
from tests.support.vnu import vnu_command, vnu_messages


def staff_login(data=None):
    return StaffAuthenticationForm(RequestFactory().post("/"), data=data)


# Each form of ours: how to make it (unbound, or bound to ``data``) and data it refuses.
OUR_FORMS = {
    "staff login": (staff_login, {"username": "", "password": ""}),
    "two-factor code": (lambda data=None: VerifyForm(None, data=data), {"code": ""}),
    "authenticator set-up": (lambda data=None: EnrolForm(None, "key", data=data), {"code": ""}),
    "search": (lambda data=None: SearchForm(data), {"q": "a" * 201}),
    "header search": (
        lambda data=None: SearchForm(data, auto_id="header-%s", in_header=True),
        {"q": "a" * 201},
    ),
    "new backup codes": (lambda data=None: ReplaceBackupCodesForm(data), None),
}
FORMS_WITH_FIELDS = [name for name, (_, bad) in OUR_FORMS.items() if bad is not None]


def make(name, bound=False):
    factory, bad_data = OUR_FORMS[name]
    form = factory(bad_data) if bound else factory()
    if bound:
        assert not form.is_valid(), f"{name} should refuse {bad_data}"
    return form


def visible_fields(form):
    return [bound_field for bound_field in form if not bound_field.is_hidden]


def field_error_links(form):
    """A link to each error of a field with a single input, as the summary should list them."""
    return [
        (f"#{bound_field.auto_id}", error) for bound_field in form for error in bound_field.errors
    ]


# Every form of ours, as {% crispy form %} renders it


@pytest.mark.parametrize("name", FORMS_WITH_FIELDS)
def test_an_unbound_form_has_a_labelled_group_per_field_and_no_error_summary(name):
    form = make(name)

    markup = Markup(render_crispy_form(form))

    assert markup.with_class("error-summary") == []
    assert markup.with_class("field__error") == []
    for bound_field in visible_fields(form):
        assert_field_group(markup, bound_field)


@pytest.mark.parametrize("name", FORMS_WITH_FIELDS)
def test_a_form_with_errors_starts_with_a_summary_linking_to_each_field(name):
    form = make(name, bound=True)

    markup = Markup(render_crispy_form(form))

    title = "There is a problem with your search" if "search" in name else "There is a problem"
    assert_error_summary(markup, title, field_error_links(form))
    for bound_field in visible_fields(form):
        assert_field_group(markup, bound_field)


@pytest.mark.parametrize(
    ("name", "messages"),
    [
        ("staff login", ["Enter your username", "Enter your password"]),
        ("two-factor code", ["Enter the code from your authenticator app"]),
        ("authenticator set-up", ["Enter the code from your authenticator app"]),
    ],
)
def test_a_missing_answer_is_met_with_what_to_do(name, messages):
    form = make(name, bound=True)

    summary = Markup(render_crispy_form(form)).one("ul", **{"class": "error-summary__list"})

    assert [text(item) for item in summary.children] == messages


def test_the_staff_forms_hints_are_linked_from_the_input():
    markup = Markup(render_crispy_form(make("two-factor code")))

    hint = markup.by_id("id_code_helptext")

    assert "authenticator app shows now" in text(hint)
    assert markup.by_id("id_code").described_by() == ["id_code_helptext"]


def test_an_error_message_follows_the_hint_and_comes_before_the_input():
    form = VerifyForm(None, data={"code": ""})
    form.is_valid()
    markup = Markup(render_crispy_form(form))

    order = [markup.elements.index(markup.by_id(i)) for i in ("id_code_helptext", "id_code_error")]
    order.append(markup.elements.index(markup.by_id("id_code")))

    assert order == sorted(order)
    assert markup.by_id("id_code").described_by() == ["id_code_helptext", "id_code_error"]


@pytest.mark.parametrize("name", list(OUR_FORMS))
@pytest.mark.parametrize("bound", [False, True])
def test_no_form_of_ours_has_any_bootstrap_class_or_inline_style_or_script(name, bound):
    html = render_crispy_form(make(name, bound=bound and OUR_FORMS[name][1] is not None))

    bootstrap = sorted(n for n in Markup(html).class_names() if BOOTSTRAP_CLASS.match(n))

    assert bootstrap == []
    assert "style=" not in html
    assert "<script" not in html


@pytest.mark.parametrize("name", list(OUR_FORMS))
def test_every_form_has_one_submit_button_with_our_button_class(name):
    markup = Markup(render_crispy_form(make(name)))

    button = markup.one("button")

    assert button.attrs["type"] == "submit"
    assert button.classes == ["button"]
    assert markup.all("input", type="submit") == []


def test_the_search_button_adds_nothing_to_the_address_and_each_search_box_has_its_own_ids():
    header = Markup(render_crispy_form(make("header search")))
    page = Markup(render_crispy_form(make("search")))

    assert "name" not in header.one("button").attrs
    assert header.one("form").attrs["role"] == "search"
    assert header.one("form").attrs["method"] == "get"
    assert "visually-hidden" in header.one("label").classes
    header_ids, page_ids = ids(header.one("form")), ids(page.one("form"))
    assert header_ids
    assert not header_ids & page_ids


def test_staff_forms_post_with_a_csrf_token_and_leave_checking_to_the_server():
    html = Template("{% load crispy_forms_tags %}{% crispy form %}").render(
        Context({"form": make("staff login"), "csrf_token": "token"})
    )
    form = Markup(html).one("form")

    assert form.attrs["method"] == "post"
    assert "novalidate" in form.attrs
    assert Markup(html).one("input", type="hidden", name="csrfmiddlewaretoken")


# The pack's other templates, with a form that has every kind of field


class EveryKindForm(forms.Form):
    """A form only for these tests: each widget kind the pack renders differently."""

    name = forms.CharField(label="Your name", help_text="As on your letters.")
    feeding = forms.ChoiceField(
        label="How do you feed your baby?",
        help_text="Choose one.",
        choices=[("breast", "Breast"), ("bottle", "Bottle"), ("both", "Both")],
        widget=forms.RadioSelect,
    )
    worries = forms.MultipleChoiceField(
        label="What is on your mind?",
        choices=[("sleep", "Sleep"), ("crying", "Crying")],
        widget=forms.CheckboxSelectMultiple,
    )
    agree = forms.BooleanField(label="I have read this", help_text="You can read it again later.")
    nation = forms.ChoiceField(label="Where do you live?", choices=[("", "Choose"), ("w", "Wales")])
    note = forms.CharField(label="Anything else", widget=forms.Textarea, required=False)
    step = forms.CharField(widget=forms.HiddenInput, initial="1")

    def clean(self):
        raise forms.ValidationError("Something went wrong with the whole form.")


def every_kind(bound):
    return EveryKindForm({"name": "", "step": "1"} if bound else None)


@pytest.mark.parametrize("bound", [False, True])
def test_radios_and_checkboxes_are_a_fieldset_whose_legend_is_the_question(bound):
    form = every_kind(bound)
    form.is_valid()
    markup = Markup(render_crispy_form(form))

    for name, kind in (("feeding", "radio"), ("worries", "checkbox")):
        bound_field = form[name]
        fieldset = next(f for f in markup.all("fieldset") if f"id_{name}_0" in ids(f))
        legend = next(e for e in flatten(fieldset) if e.tag == "legend")
        assert text(legend) == bound_field.label
        options = [e for e in flatten(fieldset) if e.tag == "input"]
        assert [o.attrs["type"] for o in options] == [kind] * len(bound_field.field.choices)
        for option in options:
            assert "choice__input" in option.classes
            assert markup.one("label", **{"for": option.attrs["id"]})
        described = fieldset.attrs.get("aria-describedby", "").split()
        expected = [f"id_{name}_helptext"] if bound_field.help_text else []
        expected += [f"id_{name}_error"] if bound else []
        assert described == expected
        for element_id in described:
            assert element_id in ids(fieldset)


def ids(element):
    return {e.attrs["id"] for e in flatten(element) if "id" in e.attrs}


def test_a_single_checkbox_has_its_label_after_the_box_and_its_hint_linked():
    markup = Markup(render_crispy_form(every_kind(bound=False)))

    box = markup.by_id("id_agree")

    assert box.attrs["type"] == "checkbox"
    assert "choice__input" in box.classes
    assert "choice__label" in markup.one("label", **{"for": "id_agree"}).classes
    assert box.described_by() == ["id_agree_helptext"]


def test_the_summary_lists_form_errors_as_text_and_links_radios_to_the_first_option():
    form = every_kind(bound=True)
    form.is_valid()
    markup = Markup(render_crispy_form(form))

    items = markup.one("ul", **{"class": "error-summary__list"}).children
    first = items[0]
    hrefs = [a.attrs["href"] for item in items for a in flatten(item) if a.tag == "a"]

    assert text(first) == "Something went wrong with the whole form."
    assert not [e for e in flatten(first) if e.tag == "a"]
    assert hrefs == ["#id_name", "#id_feeding_0", "#id_worries_0", "#id_agree", "#id_nation"]
    for href in hrefs:
        markup.by_id(href[1:])


def test_selects_and_text_areas_are_inputs_of_a_field_group_and_hidden_fields_stay_bare():
    form = every_kind(bound=False)
    markup = Markup(render_crispy_form(form))

    for name in ("name", "nation", "note"):
        assert "field__input" in markup.by_id(f"id_{name}").classes
        assert_field_group(markup, form[name])
    hidden = markup.by_id("id_step")
    assert hidden.attrs["type"] == "hidden"
    assert not [g for g in markup.with_class("field") if hidden in flatten(g)]


def test_a_fieldset_layout_groups_fields_under_a_legend():
    form = every_kind(bound=False)
    form.helper = FormHelper()
    form.helper.layout = Layout(Fieldset("About you", "name", "nation"))
    form.helper.form_tag = False

    markup = Markup(render_crispy_form(form))

    fieldset = markup.one("fieldset", **{"class": "fieldset"})
    assert text(markup.one("legend", **{"class": "fieldset__legend"})) == "About you"
    assert {"id_name", "id_nation"} <= ids(fieldset)
    assert markup.all("form") == []


def test_the_crispy_filter_renders_the_same_groups_without_a_form_tag():
    form = every_kind(bound=True)
    form.is_valid()

    html = Template("{% load crispy_forms_tags %}{{ form|crispy }}").render(Context({"form": form}))
    markup = Markup(html)

    assert markup.all("form") == []
    assert_error_summary(
        markup,
        "There is a problem",
        [
            ("#id_name", "This field is required."),
            ("#id_feeding_0", "This field is required."),
            ("#id_worries_0", "This field is required."),
            ("#id_agree", "This field is required."),
            ("#id_nation", "This field is required."),
        ],
    )
    for name in ("name", "agree", "nation", "note"):
        assert_field_group(markup, form[name])
    assert sorted(n for n in markup.class_names() if BOOTSTRAP_CLASS.match(n)) == []


def test_one_field_and_the_errors_alone_render_through_the_pack_too():
    form = every_kind(bound=True)
    form.is_valid()
    context = Context({"form": form})

    field_html = Template("{% load crispy_forms_tags %}{{ form.name|as_crispy_field }}").render(
        context
    )
    errors_html = Template("{% load crispy_forms_tags %}{{ form|as_crispy_errors }}").render(
        context
    )

    assert_field_group(Markup(field_html), form["name"])
    assert text(Markup(errors_html).one("h2")) == "There is a problem"


def test_our_forms_and_the_pack_are_valid_html(tmp_path):
    command = vnu_command()
    pages = {}
    for name in OUR_FORMS:
        for bound in (False, True):
            with_errors = bound and OUR_FORMS[name][1] is not None
            pages[f"{name} {bound}"] = render_crispy_form(make(name, bound=with_errors))
    for bound in (False, True):
        form = every_kind(bound)
        form.is_valid()
        pages[f"every kind {bound}"] = render_crispy_form(form)
    files = []
    for number, (name, html) in enumerate(pages.items()):
        files.append(tmp_path / f"form{number}.html")
        files[-1].write_text(
            f'<!DOCTYPE html><html lang="en"><head><title>{name}</title></head>'
            f"<body><main>{html}</main></body></html>"
        )

    problems = [f"{m.get('url')}: {m['message']}" for m in vnu_messages(command, files)]

    assert problems == []


# The pages that show our forms, and the settings


@pytest.fixture
def staff(django_user_model):
    """The staff member tests/accounts/conftest.py logs in as (its fixtures are not shared)."""
    return django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)


def forms_on(response):
    return "".join(re.findall(r"<form\b.*?</form>", response.content.decode(), flags=re.S))


@pytest.mark.django_db
def test_the_staff_login_page_shows_the_summary_and_our_markup_after_a_mistake(client):
    response = client.post(reverse("accounts:login"), {"username": "", "password": ""})
    markup = Markup(forms_on(response))

    assert response.status_code == 200
    assert "<title>Error:" in response.content.decode()
    assert text(markup.one("h2", **{"class": "error-summary__title"})) == "There is a problem"
    assert markup.by_id("id_username").attrs["aria-invalid"] == "true"
    assert sorted(n for n in markup.class_names() if BOOTSTRAP_CLASS.match(n)) == []


@pytest.mark.django_db
def test_a_wrong_password_is_a_form_error_in_the_summary(client, staff):
    response = enter_password(client, password="not-the-password")
    summary = Markup(forms_on(response)).one("div", **{"class": "error-summary"})

    assert "Please enter a correct username and password" in text(summary)


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "has_app"), [("accounts:verify", True), ("accounts:enrol", False)])
def test_the_code_pages_render_the_code_field_through_the_pack(client, staff, url, has_app):
    if has_app:
        TOTPDevice.objects.create(user=staff, name="Authenticator app", confirmed=True)
    enter_password(client)

    response = client.get(reverse(url))
    markup = Markup(forms_on(response))

    assert response.status_code == 200
    assert "field__input" in markup.by_id("id_code").classes
    assert markup.one("button").classes == ["button"]


@pytest.mark.django_db
def test_the_backup_codes_button_is_a_form_of_ours(admin_client):
    response = admin_client.get(reverse("accounts:backup_codes"))
    ours = [form for form in forms_on(response).split("</form>") if "Make new backup" in form]
    markup = Markup(ours[0])

    assert markup.one("form").attrs["method"] == "post"
    assert text(markup.one("button", **{"class": "button"})) == "Make new backup codes"
    assert markup.one("input", name="csrfmiddlewaretoken")


@pytest.mark.django_db
def test_a_too_long_search_shows_one_summary_linking_to_the_page_search_box(client):
    response = client.get(reverse("search:search"), {"q": "a" * 201})
    markup = Markup(response.content.decode())

    assert response.status_code == 400
    summary = markup.one("div", **{"class": "error-summary"})
    assert [a.attrs["href"] for a in flatten(summary) if a.tag == "a"] == ["#id_q"]
    assert markup.by_id("id_q").attrs["aria-invalid"] == "true"
    assert "aria-invalid" not in markup.by_id("header-q").attrs


def test_the_site_uses_our_pack_and_crispy_bootstrap5_is_gone():
    assert settings.CRISPY_TEMPLATE_PACK == "littlevoices"
    assert tuple(settings.CRISPY_ALLOWED_TEMPLATE_PACKS) == ("littlevoices",)
    assert "crispy_bootstrap5" not in settings.INSTALLED_APPS
    assert importlib.util.find_spec("crispy_bootstrap5") is None
    with pytest.raises(TemplateDoesNotExist):
        get_template("bootstrap5/field.html")
