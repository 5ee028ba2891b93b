"""
Taking e-mail addresses and phone numbers out of a comment before it is saved.

People sometimes leave a way to reach them, or someone else's, in a feedback box. We never
reply to feedback, so such details are replaced by a marker before anything is stored. The
rule leans towards removing: any run of nine or more digits with the spaces, dashes, dots and
brackets people write between them (every UK number, with 0, +44, 0044 or "+44 (0)") goes.
Short numbers such as 111, 999 or 116 123 stay: they are services, not people.
"""

import re

from django.utils.translation import gettext as _

EMAIL = re.compile(
    r"[^\s@<>()\[\],;:\"']+\s*(?:@|\(at\)|\[at\])\s*[^\s@<>()\[\],;:\"']+\.[^\s@<>()\[\],;:\"']*\w",
    re.IGNORECASE,
)
# A run that may be one number: an optional + or (, a digit, then digits and separators.
NUMBER_RUN = re.compile(r"(?:\+|\()?\d(?:[\d\s\-.\u2013\u2014()]*\d)?")
MIN_DIGITS = 9


def _phone(match):
    run = match.group(0)
    digits = sum(ch.isdigit() for ch in run)
    return _("[phone number removed]") if digits >= MIN_DIGITS else run


def scrub(text):
    """``text`` with e-mail addresses and phone numbers replaced by a marker."""
    text = EMAIL.sub(_("[e-mail address removed]"), text)
    return NUMBER_RUN.sub(_phone, text)
