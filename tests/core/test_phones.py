"""Call and text buttons dial exactly the number a parent reads, or there is no button at all."""

import importlib
import io

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command

from core import phones
from guidance.models import Resource
from tests.support.factories import make_resource
from tests.support.formdata import change_url, form_data

pytestmark = pytest.mark.django_db

normalise_numbers = importlib.import_module(
    "guidance.migrations.0011_resource_numbers_normalised"
).normalise_numbers


@pytest.mark.parametrize(
    ("typed", "shown", "dialled"),
    [
        ("0808 808 8000", "0808 808 8000", "+448088088000"),
        ("08088088000", "0808 808 8000", "+448088088000"),
        ("0800 123 4567", "0800 123 4567", "+448001234567"),
        ("0300 123 3393", "0300 123 3393", "+443001233393"),
        ("020 7946 0000", "020 7946 0000", "+442079460000"),
        ("0161-496-0000", "0161 496 0000", "+441614960000"),
        ("07911 123456", "07911 123456", "+447911123456"),
        ("+44 808 808 8000", "0808 808 8000", "+448088088000"),
        ("+44 (0)20 7946 0000", "020 7946 0000", "+442079460000"),
        ("999", "999", "999"),
        ("111", "111", "111"),
        ("112", "112", "112"),
        ("116 123", "116 123", "116123"),
        ("116111", "116 111", "116111"),
    ],
)
def test_each_kind_of_uk_number_is_shown_tidily_and_dialled_exactly(typed, shown, dialled):
    resource = make_resource(phone=typed)

    assert resource.phone == shown
    assert resource.phone_href == f"tel:{dialled}"
    assert not resource.numbers_need_fixing


@pytest.mark.parametrize(
    ("typed", "dialled"),
    [("85258", "85258"), ("85 258", "85258"), ("07911 123456", "+447911123456")],
)
def test_a_text_code_or_mobile_is_texted_exactly(typed, dialled):
    resource = make_resource(text_number=typed, text_message="SHOUT")

    assert resource.sms_href == f"sms:{dialled}?&body=SHOUT"


@pytest.mark.parametrize("typed", ["116 123 (free, 24/7)", "Call 111 or 999"])
def test_text_that_is_not_one_clear_number_gets_no_call_button(typed, client):
    resource = make_resource(phone=typed, name="Unclear line")

    assert resource.phone_href == ""
    assert resource.phone == typed
    assert resource.numbers_need_fixing
    page = client.get("/help/").content.decode()
    assert "Unclear line" in page
    assert "tel:" not in page.split("Unclear line", 1)[1].split("</li>", 1)[0]


@pytest.mark.parametrize(
    ("typed", "number", "note"),
    [
        ("111, option 2", "111", "option 2"),
        ("111 (press 2)", "111", "press 2"),
        ("111 then option 2 for mental health", "111", "option 2 for mental health"),
        ("0808 808 8000 ext 204", "0808 808 8000", "ext 204"),
        ("0808 808 8000 x204", "0808 808 8000", "x204"),
    ],
)
def test_an_option_or_extension_is_kept_as_a_note_and_never_dialled(typed, number, note):
    resource = make_resource(phone=typed)

    assert (resource.phone, resource.phone_note) == (number, note)
    assert resource.phone_href == "tel:" + phones.parse(number).value


def test_the_call_button_shows_the_number_and_the_note_after_it(client):
    make_resource(name="NHS 111", phone="111", phone_note="option 2 for mental health")

    page = " ".join(client.get("/help/").content.decode().split())

    assert (
        '<a class="button button--call" href="tel:111">Call 111'
        '<span class="visually-hidden">: NHS 111</span></a> '
        '<span class="contact-note">(option 2 for mental health)</span>'
    ) in page


@pytest.mark.parametrize(
    ("typed", "for_text", "code"),
    [
        ("0800", False, "invalid"),
        ("0808 808 800", False, "invalid"),
        ("12", False, "invalid"),
        ("85258", False, "text_code"),
        ("+1 212 555 0100", False, "not_uk"),
        ("116 123 (free, 24/7)", False, "not_a_number"),
        ("Call 111 or 999", False, "not_a_number"),
        ("999", True, "invalid_text"),
        ("javascript:alert(1)", False, "not_a_number"),
    ],
)
def test_numbers_that_cannot_be_dialled_are_refused_with_a_reason(typed, for_text, code):
    with pytest.raises(ValidationError) as refused:
        phones.parse(typed, for_text=for_text)

    assert refused.value.code == code


def test_the_migration_tidies_what_parses_and_marks_the_rest():
    rows = {
        "full": ("0808 808 8000", ""),
        "plus": ("+44 (0)300 123 3393", ""),
        "short": ("116 123", ""),
        "option": ("111, option 2", ""),
        "text": ("", "85 258"),
        "free-text": ("116 123 (free, 24/7)", ""),
        "two-numbers": ("Call 111 or 999", ""),
        "bad-text": ("", "text us"),
    }
    for slug, (phone, text_number) in rows.items():
        make_resource(slug=slug)
        # As the rows were before the migration: written straight to the table, unchecked.
        Resource.objects.filter(slug=slug).update(phone=phone, text_number=text_number)

    normalise_numbers(apps, None)

    after = {
        r.slug: (r.phone, r.phone_note, r.text_number, r.numbers_need_fixing)
        for r in Resource.objects.all()
    }
    assert after == {
        "full": ("0808 808 8000", "", "", False),
        "plus": ("0300 123 3393", "", "", False),
        "short": ("116 123", "", "", False),
        "option": ("111", "option 2", "", False),
        "text": ("", "", "85258", False),
        "free-text": ("116 123 (free, 24/7)", "", "", True),
        "two-numbers": ("Call 111 or 999", "", "", True),
        "bad-text": ("", "", "text us", True),
    }
    assert Resource.objects.get(slug="two-numbers").phone_href == ""
    assert Resource.objects.get(slug="bad-text").sms_href == ""


def test_the_admin_refuses_a_number_that_cannot_be_dialled(admin_client):
    resource = make_resource(phone="116 123")
    data = form_data(admin_client.get(change_url(resource)))
    data["phone"] = "Call 111 or 999"

    response = admin_client.post(change_url(resource), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["phone"] == [
        "Give one number only, such as 0808 808 8000 or 116 123, without words. "
        "Put anything else (such as 'option 2') in the note."
    ]
    resource.refresh_from_db()
    assert resource.phone == "116 123"


def test_the_admin_refuses_a_text_code_given_as_a_phone_number(admin_client):
    resource = make_resource(phone="116 123")
    data = form_data(admin_client.get(change_url(resource)))
    data["phone"] = "85258"

    response = admin_client.post(change_url(resource), data)

    assert "85258 is a text code: put it in &#x27;text number&#x27; instead." in (
        response.content.decode()
    )


def test_the_admin_saves_a_number_with_its_note_split_off(admin_client):
    resource = make_resource(phone="116 123")
    data = form_data(admin_client.get(change_url(resource)))
    data["phone"] = "+44 808 808 8000 option 2"

    response = admin_client.post(change_url(resource), data)

    assert response.status_code == 302
    resource.refresh_from_db()
    assert (resource.phone, resource.phone_note) == ("0808 808 8000", "option 2")
    assert resource.phone_href == "tel:+448088088000"


def test_starter_resources_load_with_numbers_that_dial():
    call_command("load_starter_content", stdout=io.StringIO())

    numbered = Resource.objects.exclude(phone="", text_number="")
    assert numbered.exists()
    assert not numbered.filter(numbers_need_fixing=True).exists()
    assert Resource.objects.get(slug="samaritans").phone_href == "tel:116123"
    assert Resource.objects.get(slug="lifeline").phone_href == "tel:+448088088000"
    assert Resource.objects.get(slug="shout").sms_href == "sms:85258?&body=SHOUT"
    nhs_111 = Resource.objects.get(slug="nhs-111")
    assert (nhs_111.phone_href, nhs_111.phone_note) == ("tel:111", "option 2 for mental health")
