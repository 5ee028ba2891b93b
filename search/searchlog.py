"""
Searches that found little or nothing, counted per day so editors can see what is missing.

Only tidied words, the day and a count are kept (``MissedSearch``): no address, cookie, browser
or time of day. Anything that looks like a phone number, an e-mail address or a full postcode is
taken out first, because a worried parent may type their own.
"""

import logging
import re
import unicodedata

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, PositiveSmallIntegerField, Value
from django.db.models.functions import Least
from django.utils import timezone

from .models import MissedSearch

# "A few" results: fewer than this, and a search is recorded (and search adds pages that hold
# only some of the words, see search.engine).
FEW = 3
MAX_LENGTH = MissedSearch._meta.get_field("query").max_length
# Someone (or something) typing nonsense all day must not grow the table without limit.
DEFAULT_MAX_NEW_PER_DAY = 2000

logger = logging.getLogger("search")

EMAIL = re.compile(r"\S+@\S+")
# A full UK postcode ("sw1a 1aa", "m1 1ae", "m11ae"); the text is lower case by then. A lone
# outward code ("sw1a") names a whole district, so it is kept.
POSTCODE = re.compile(r"\b[a-z]{1,2}\d[a-z\d]?\s*\d[abd-hjlnp-uw-z]{2}\b")
# Digits with the spaces, dashes, dots and brackets people write in phone numbers, and a leading
# "+". Only runs of six or more digits are taken out, so "111", "999" and ages stay.
DIGITS = re.compile(r"\+?[\d(][\d\s().-]*\d")
PHONE_DIGITS = 6


def record(query: str, found: int) -> None:
    """Count one search for ``query`` that found ``found`` results (fewer than ``FEW``).

    Never raises a database error: the parent's search page matters more than the count.
    """
    if found >= FEW:
        return
    words = tidy(query)
    if not words:
        return
    try:
        # A savepoint when the request already runs in a transaction: a failure here must not
        # spoil the rest of it.
        with transaction.atomic():
            _count(words, max(found, 0), timezone.localdate())
    except DatabaseError as error:
        logger.warning("Could not record a search that found little: %s", type(error).__name__)


def tidy(query: str) -> str:
    """The words of ``query`` as stored: lower case, no personal details, at most 100 characters."""
    text = unicodedata.normalize("NFKC", query).lower()
    text = "".join(_printable(character) for character in text)
    text = EMAIL.sub(" ", text)
    text = POSTCODE.sub(" ", text)
    text = DIGITS.sub(_drop_phone_number, text)
    text = " ".join(text.split())
    return _shorten(text, MAX_LENGTH)


def _printable(character):
    if character.isspace():
        return " "
    # Control, format (zero-width), private-use and unassigned characters.
    if unicodedata.category(character).startswith("C"):
        return ""
    return character


def _drop_phone_number(match):
    digits = sum(character.isdigit() for character in match.group())
    return " " if digits >= PHONE_DIGITS else match.group()


def _shorten(text, limit):
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    if cut[-1] == " ":
        return cut.rstrip()
    head, space, _tail = cut[:limit].rpartition(" ")
    return head.rstrip() if space else cut[:limit]


def _count(words, found, day):
    rows = MissedSearch.objects.filter(query=words, day=day)
    add_one = {
        "count": F("count") + 1,
        "found": Least(F("found"), Value(found, output_field=PositiveSmallIntegerField())),
    }
    if rows.update(**add_one):
        return
    if MissedSearch.objects.filter(day=day).count() >= _max_new_per_day():
        return
    try:
        with transaction.atomic():
            MissedSearch.objects.create(query=words, day=day, found=found, count=1)
    except IntegrityError:
        # Another request made the row between our update and our insert: count on theirs.
        rows.update(**add_one)


def _max_new_per_day():
    return getattr(settings, "SEARCH_LOG_MAX_NEW_PER_DAY", DEFAULT_MAX_NEW_PER_DAY)
