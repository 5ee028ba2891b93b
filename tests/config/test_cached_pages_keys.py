"""
The page keys that config/cachedpages.py remembers per worker: a repeated request (above all one
with a query string) is answered without working its key out again, and the memory is bounded.
"""

import pytest

from config import cachedpages
from tests.config.test_cached_pages_wsgi import app, call, django_application  # noqa: F401
from tests.support.factories import make_article
from website import pagecache

pytestmark = pytest.mark.django_db


def test_a_repeated_request_is_answered_without_working_out_its_key(app, monkeypatch):  # noqa: F811
    make_article()
    call(app, "/search/", QUERY_STRING="q=crying")  # rendered and stored
    call(app, "/search/", QUERY_STRING="q=crying")  # a hit; its key is now remembered

    def refuse(request):
        raise AssertionError("the key was worked out again")

    monkeypatch.setattr(pagecache, "page_key", refuse)
    _status, headers, _body = call(app, "/search/", QUERY_STRING="q=crying")

    assert dict(headers)["X-Page-Cache"] == "hit"


def test_a_key_is_remembered_per_host_scheme_path_and_query(app):  # noqa: F811
    path = make_article().get_absolute_url()
    call(app, path)

    for environ in [
        {"QUERY_STRING": "utm_source=leaflet"},
        {"HTTP_HOST": "localhost", "SERVER_NAME": "localhost"},
        {"wsgi.url_scheme": "https"},
    ]:
        call(app, path, **environ)

    pages = {page for page in app._keys.values() if page is not cachedpages.REFUSED}
    # A parameter no page reads shares the page's key; another host or scheme has its own.
    assert len(app._keys) == 4
    assert len(pages) == 3


def test_an_unknown_host_is_left_to_django_every_time(app, django_application):  # noqa: F811
    path = make_article().get_absolute_url()
    call(app, path)

    answers = [call(app, path, HTTP_HOST="evil.example")[0] for _ in range(2)]

    assert all(status.startswith("400") for status in answers)


def test_the_remembered_keys_are_bounded(app, monkeypatch):  # noqa: F811
    monkeypatch.setattr(cachedpages, "KEY_MEMO_SIZE", 5)
    make_article()

    for number in range(12):
        call(app, "/search/", QUERY_STRING=f"q=word{number}")
    call(app, "/search/", QUERY_STRING="q=" + "x" * cachedpages.KEY_MEMO_LONGEST)

    query = app.key_inputs().index("QUERY_STRING")
    assert len(app._keys) == 5
    assert all(len(inputs[query]) < cachedpages.KEY_MEMO_LONGEST for inputs in app._keys)
