"""
Stored public pages answered before Django's request handling (config/cachedpages.py): the same
bytes and headers as the page cache middleware gives, and Django for everything else.
"""

import io
import logging

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import override_settings

from config.cachedpages import CachedPages
from core.models import Status
from tests.support.factories import make_article

pytestmark = pytest.mark.django_db

# Headers that differ from one answer to the next by design.
PER_ANSWER = {"x-request-id", "x-page-cache"}


def call(app, path, method="GET", **environ):
    """``(status, headers, body)`` of one request through ``app``."""
    answer = {}

    def start_response(status, headers):
        answer.update(status=status, headers=headers)

    base = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "HTTP_ACCEPT_ENCODING": "gzip, br",
    }
    body = app({**base, **environ}, start_response)
    content = b"".join(body)
    if hasattr(body, "close"):
        body.close()
    return answer["status"], answer["headers"], content


def lasting(headers):
    return sorted(
        (name.lower(), value) for name, value in headers if name.lower() not in PER_ANSWER
    )


@pytest.fixture
def django_application(settings, tmp_path):
    """Django's own WSGI handler. As Django's test client does, the database connection is not
    closed at the end of each request: the test's transaction still needs it."""
    settings.STATIC_ROOT = tmp_path  # WhiteNoise warns about a folder that is not there
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def app(django_application):
    return CachedPages(django_application)


def test_the_site_s_wsgi_application_answers_stored_pages_first(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    from config import wsgi

    assert isinstance(wsgi.application, CachedPages)


@pytest.fixture
def django_must_not_answer(app, monkeypatch):
    def refuse(environ, start_response):
        raise AssertionError(f"Django answered {environ['PATH_INFO']}")

    monkeypatch.setattr(app, "application", refuse)


def test_a_stored_page_is_sent_as_the_middleware_sent_it(app, monkeypatch):
    path = make_article(title="Settling").get_absolute_url()
    status, headers, body = call(app, path)
    assert status.startswith("200") and dict(headers)["X-Page-Cache"] == "miss"
    monkeypatch.setattr(app, "application", None)  # from now on, Django is not asked

    again_status, again_headers, again_body = call(app, path)

    assert again_status == "200 OK"
    assert dict(again_headers)["X-Page-Cache"] == "hit"
    assert (lasting(again_headers), again_body) == (lasting(headers), body)
    assert dict(again_headers)["Content-Encoding"] == "br"
    assert dict(again_headers)["X-Request-ID"] != dict(headers)["X-Request-ID"]


def test_head_has_the_headers_and_no_body(app):
    path = make_article().get_absolute_url()
    _status, _headers, body = call(app, path)

    _status, head_headers, head_body = call(app, path, method="HEAD")

    assert head_body == b""
    assert dict(head_headers)["Content-Length"] == str(len(body))


def test_an_unpublished_page_goes_at_once(app, django_capture_on_commit_callbacks):
    article = make_article()
    call(app, article.get_absolute_url())

    with django_capture_on_commit_callbacks(execute=True):
        article.status = Status.DRAFT
        article.save()

    status, _headers, _body = call(app, article.get_absolute_url())
    assert status.startswith("404")


@pytest.mark.parametrize(
    "environ",
    [
        {"HTTP_COOKIE": "sessionid=abc"},
        {"HTTP_IF_NONE_MATCH": '"x"'},
        {"REQUEST_METHOD": "POST"},
        {"HTTP_HOST": "evil.example"},
    ],
    ids=["session", "revalidation", "post", "unknown host"],
)
def test_anything_but_a_plain_anonymous_read_goes_to_django(app, django_application, environ):
    path = make_article().get_absolute_url()
    call(app, path)  # stored
    asked = []

    def django(environ, start_response):
        asked.append(environ["PATH_INFO"])
        return django_application(environ, start_response)

    app.application = django
    call(app, path, **environ)

    assert asked == [path]


def test_the_admin_and_static_files_are_never_looked_up(app, django_must_not_answer):
    with pytest.raises(AssertionError, match="Django answered"):
        call(app, "/admin/")


@override_settings(PAGE_CACHE=False)
def test_with_the_page_cache_off_django_answers_everything(app):
    path = make_article().get_absolute_url()
    call(app, path)
    _status, headers, _body = call(app, path)
    assert dict(headers)["X-Page-Cache"] == "miss"


def test_a_hit_is_logged_like_any_request(app, caplog):
    path = make_article().get_absolute_url()
    call(app, path)

    caplog.clear()

    with caplog.at_level(logging.INFO, logger="littlevoices.request"):
        _status, headers, _body = call(app, path)

    assert dict(headers)["X-Page-Cache"] == "hit"
    (record,) = [r for r in caplog.records if r.name == "littlevoices.request"]
    assert (record.method, record.path, record.status) == ("GET", path, 200)
    assert record.request_id == dict(headers)["X-Request-ID"]


def test_a_page_that_reads_its_query_is_stored_per_query_and_others_ignore_it(
    app, django_must_not_answer, monkeypatch, django_application
):
    make_article()
    monkeypatch.setattr(app, "application", django_application)
    call(app, "/search/", QUERY_STRING="q=crying")
    call(app, "/guidance/")
    monkeypatch.setattr(app, "application", None)

    _status, searched, _body = call(app, "/search/", QUERY_STRING="q=crying&utm_source=x")
    _status, listed, _body = call(app, "/guidance/", QUERY_STRING="utm_source=leaflet")

    assert dict(searched)["X-Page-Cache"] == dict(listed)["X-Page-Cache"] == "hit"


def test_a_query_too_big_to_read_is_left_to_django(app, django_application, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    query = "&".join(f"q{number}=x" for number in range(50))

    status, _headers, _body = call(app, "/search/", QUERY_STRING=query)

    assert status.startswith("400")
