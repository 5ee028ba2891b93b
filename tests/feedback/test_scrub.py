"""E-mail addresses and phone numbers are taken out of comments (feedback/scrub.py)."""

import pytest

from feedback.scrub import scrub

PHONE = "[phone number removed]"
EMAIL = "[e-mail address removed]"


@pytest.mark.parametrize(
    "number",
    [
        "07700 900123",
        "07700900123",
        "07700-900-123",
        "07700 900 123",
        "077 0090 0123",
        "+44 7700 900123",
        "+447700900123",
        "+44 (0)7700 900123",
        "+44 (0) 7700-900-123",
        "0044 7700 900123",
        "(020) 7946 0018",
        "020 7946 0018",
        "020-7946-0018",
        "0161 496 0000",
        "01632 960001",
        "028 9018 0000",
        "0808 808 8000",
        "07700.900.123",
        "07700\u00a0900\u00a0123",
        "07700 \u2013 900 123",
        "7700 900123",
    ],
)
def test_uk_phone_numbers_in_any_layout_are_removed(number):
    assert scrub(f"Ring me on {number} please") == f"Ring me on {PHONE} please"


@pytest.mark.parametrize(
    "address",
    [
        "jo@example.org",
        "jo.bloggs+baby@mail.example.co.uk",
        "JO_B@EXAMPLE.COM",
        "jo @ example.org",
        "jo(at)example.org",
        "jo[at]example.org",
        "zoë@exämple.org",
    ],
)
def test_email_addresses_are_removed(address):
    assert scrub(f"Write to {address} soon") == f"Write to {EMAIL} soon"


@pytest.mark.parametrize(
    "text",
    [
        "Call 999 or 111, or the Samaritans on 116 123",
        "My baby is 12 weeks old and weighs 5.5kg",
        "Since 12/03/2024 she wakes at 3am",
        "Childline 0800 1111",
        "Nothing about @ mentions or weeks 1-2",
    ],
)
def test_ordinary_words_and_service_numbers_stay(text):
    assert scrub(text) == text


def test_several_details_in_one_comment():
    text = "Me: 07700 900123, jo@example.org; my partner +44 7700 900456."
    assert scrub(text) == f"Me: {PHONE}, {EMAIL}; my partner {PHONE}."
