"""core/requests.py: the one refusal of a cross-site, oversized or too-frequent public post."""

import pytest

from core.requests import refuse_post

MESSAGES = {"other_site": "Not from here.", "too_big": "Too big.", "too_many": "Too many."}


def refuse(request, over=False):
    """``(refusal, times the limit was asked)`` for ``request`` with an 8 KB body limit."""
    asked = []

    def over_limit(request):
        asked.append(request)
        return over

    refusal = refuse_post(
        request, max_bytes=8 * 1024, over_limit=over_limit, retry_after=3600, **MESSAGES
    )
    return refusal, len(asked)


def test_a_post_from_our_own_page_within_the_limits_is_let_through(rf):
    request = rf.post("/form/", {"a": "b"}, HTTP_ORIGIN="http://testserver")

    assert refuse(request) == (None, 1)


def test_a_post_from_another_site_is_refused_and_not_counted(rf):
    request = rf.post("/form/", {"a": "b"}, HTTP_SEC_FETCH_SITE="cross-site")

    refusal, asked = refuse(request, over=True)

    assert (refusal.status_code, refusal.content, asked) == (403, b"Not from here.", 0)
    assert refusal["Content-Type"] == "text/plain; charset=utf-8"
    assert refusal["Cache-Control"] == "no-store"


@pytest.mark.parametrize("length", ["9000", "-1", "lots"])
def test_a_body_too_big_or_a_length_that_is_not_bytes_is_refused_and_not_counted(rf, length):
    request = rf.post("/form/", {"a": "b"})
    request.META["CONTENT_LENGTH"] = length

    refusal, asked = refuse(request, over=True)

    assert (refusal.status_code, refusal.content, asked) == (413, b"Too big.", 0)


def test_one_post_too_many_is_refused_with_when_to_try_again(rf):
    refusal, asked = refuse(rf.post("/form/", {"a": "b"}), over=True)

    assert (refusal.status_code, refusal.content, asked) == (429, b"Too many.", 1)
    assert refusal["Retry-After"] == "3600"
    assert refusal["Cache-Control"] == "no-store"
