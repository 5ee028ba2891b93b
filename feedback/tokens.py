"""
The token that lets a comment join its answer: the answer's id, signed with the site's secret
and the time. It cannot be guessed or altered, says nothing about the person, and lasts
``TOKEN_SECONDS``: long enough to write a few lines, too short to be worth keeping.
"""

from django.core import signing

SALT = "feedback.answer"
TOKEN_SECONDS = 2 * 60 * 60


class Expired(Exception):
    pass


class Forged(Exception):
    pass


def make(answer):
    return signing.TimestampSigner(salt=SALT).sign(str(answer.pk))


def answer_id(token):
    """The answer's id in ``token``; raises ``Expired`` or ``Forged``."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(str(token), max_age=TOKEN_SECONDS)
    except signing.SignatureExpired:
        raise Expired from None
    except signing.BadSignature:
        raise Forged from None
    if not value.isdigit():
        raise Forged
    return int(value)
