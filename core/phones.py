"""
UK phone and text numbers for call and text buttons.

A button must dial exactly the number a parent reads, so a number is checked and kept in one
layout (``0808 808 8000``, ``116 123``), and links are built from the number it stands for: E.164
(``+448088088000``) for a full number, the digits (``116123``) for a short code. Anything said
about the number ("option 2", an extension) is a separate note that is shown but never dialled.
Text that is not one clear number (``Call 111 or 999``, ``116 123 (free, 24/7)``) is refused
rather than guessed at.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from phonenumbers import shortnumberinfo

REGION = "GB"
# What may follow a number and is kept as a note: "ext 204", "x204", "option 2", "press 2 for ...".
NOTE = re.compile(
    r"[\s,;:(\-\u2013]*(?:then\s+)?\b((?:ext(?:ension)?\.?|x|option|press)\s*\d.*?)\)?\s*$",
    re.IGNORECASE,
)
# What people write between the digits of one number: spaces, dashes, dots and brackets.
SEPARATORS = re.compile(r"[\s\-.\u2013()]")
# "+44 (0)20 ..." is a common way to write a UK number; the "(0)" is not dialled from abroad.
INTERNATIONAL_TRUNK = re.compile(r"^\+44\s*\(0\)")
# Lines that phonenumbers' short-code list may not hold, and the three every phone can dial.
EMERGENCY_AND_NHS = {"999", "112", "111"}
HARMONISED_116 = re.compile(
    r"116\d{3}"
)  # European helplines: 116 123 Samaritans, 116 111 Childline
TEXT_SHORT_CODE = re.compile(r"[6-8]\d{4}")  # UK text short codes: five digits, e.g. 85258


@dataclass(frozen=True)
class Number:
    """A checked number: ``value`` is what a link dials, ``display`` what is stored and shown."""

    value: str

    @property
    def is_short(self):
        return not self.value.startswith("+")

    @property
    def display(self):
        """As a UK reader writes it: ``0808 808 8000``, ``116 123``, ``999``, ``85258``."""
        return _display(self.value)


@lru_cache(maxsize=1024)
def _display(value):
    if not value.startswith("+"):
        return f"{value[:3]} {value[3:]}" if len(value) == 6 else value
    parsed = phonenumbers.parse(value, REGION)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


def normalise(text, *, for_text=False):
    """
    ``(stored, note, ok)`` for what an editor typed: the number in its usual UK layout and any
    note split off it, or, when it is not one clear number, the text unchanged and ``ok`` False.
    """
    if not (text or "").strip():
        return "", "", True
    number, note = split_note(text)
    try:
        return parse(number, for_text=for_text).display, note, True
    except ValidationError:
        return text, "", False


def split_note(text):
    """``("111", "option 2")`` from ``"111, option 2"``; the note is empty when there is none."""
    text = (text or "").strip()
    match = NOTE.search(text)
    if match is None or match.start() == 0:
        return text, ""
    return text[: match.start()].strip(), match.group(1).strip()


def parse(text, *, for_text=False):
    """
    The ``Number`` in ``text`` (one number, nothing else), or ``ValidationError`` saying why not.

    ``for_text`` is for a number to text: a mobile or a five-digit text short code, such as
    85258, rather than a line to ring such as 999 or 116 123.
    """
    raw = INTERNATIONAL_TRUNK.sub("+44", (text or "").strip())
    digits = SEPARATORS.sub("", raw)
    if not re.fullmatch(r"\+?\d+", digits):
        raise ValidationError(
            _(
                "Give one number only, such as 0808 808 8000 or 116 123, without words. "
                "Put anything else (such as 'option 2') in the note."
            ),
            code="not_a_number",
        )
    if digits.startswith("+") or digits.startswith("0"):
        return _parse_full(digits)
    return _parse_short(digits, for_text=for_text)


def _parse_full(digits):
    try:
        parsed = phonenumbers.parse(digits, REGION)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or parsed.country_code != 44:
        raise ValidationError(
            _("Give a UK number, such as 0808 808 8000 or +44 808 808 8000."), code="not_uk"
        )
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError(
            _(
                "This is not a UK number that can be dialled: check it has every digit, "
                "e.g. 0808 808 8000 (11 digits, starting with 0)."
            ),
            code="invalid",
        )
    return Number(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def _parse_short(digits, *, for_text):
    if for_text:
        if TEXT_SHORT_CODE.fullmatch(digits):
            return Number(digits)
        raise ValidationError(
            _(
                "A text number is a mobile number (e.g. 07700 900123) or a five-digit text "
                "code (e.g. 85258)."
            ),
            code="invalid_text",
        )
    if digits in EMERGENCY_AND_NHS or HARMONISED_116.fullmatch(digits):
        return Number(digits)
    if len(digits) == 3 and shortnumberinfo.is_valid_short_number_for_region(
        phonenumbers.parse(digits, REGION), REGION
    ):
        return Number(digits)
    if TEXT_SHORT_CODE.fullmatch(digits):
        raise ValidationError(
            _("%(number)s is a text code: put it in 'text number' instead.") % {"number": digits},
            code="text_code",
        )
    raise ValidationError(
        _(
            "This is not a number that can be dialled. Use a full number with its area code "
            "(e.g. 0808 808 8000) or a short line such as 999, 111 or 116 123."
        ),
        code="invalid",
    )


@lru_cache(maxsize=1024)
def checked(value, *, for_text=False):
    """
    The ``Number`` in a stored value, or ``None`` for text kept only for an editor to fix: a
    button is built from this, never from the text itself. Cached, as pages ask on every view.
    """
    try:
        return parse(value, for_text=for_text)
    except ValidationError:
        return None
