"""Django's WSGI handler remembering where recent paths lead (config/handler.py): the same view
and arguments as Django's own matching, a 404 matched afresh each time, bounded memory, and
nothing remembered past a change of URL patterns."""

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory, override_settings
from django.urls import Resolver404, get_resolver

from config import handler
from config.handler import Handler
from guidance import views as guidance_views
from tests.support.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_handler(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path  # WhiteNoise warns about a folder that is not there
    return Handler()


def resolve(site_handler, path):
    request = RequestFactory().get(path)
    match = site_handler.resolve_request(request)
    assert request.resolver_match is match
    return match


@pytest.mark.parametrize(
    "path", ["/", "/guidance/", "/guidance/calm/", "/tips/hungry/", "/help/wales/", "/about/"]
)
def test_a_path_leads_where_django_says_and_is_then_remembered(site_handler, path):
    expected = get_resolver().resolve(path)

    first = resolve(site_handler, path)
    again = resolve(site_handler, path)

    assert (first.func, first.args, first.kwargs, first.url_name) == (
        expected.func,
        expected.args,
        expected.kwargs,
        expected.url_name,
    )
    assert again is first
    assert site_handler._matches[path] is first


def test_an_unknown_path_is_matched_afresh_each_time(site_handler):
    for _ in range(2):
        with pytest.raises(Resolver404):
            resolve(site_handler, "/no/such/place/")
    assert "/no/such/place/" not in site_handler._matches


def test_memory_is_bounded(site_handler, monkeypatch):
    monkeypatch.setattr(handler, "REMEMBERED", 3)
    for number in range(5):
        resolve(site_handler, f"/guidance/page-{number}/")
    assert len(site_handler._matches) <= 3

    long_path = f"/guidance/{'a' * handler.LONGEST}/"
    assert resolve(site_handler, long_path).kwargs == {"slug": "a" * handler.LONGEST}
    assert long_path not in site_handler._matches


def test_new_url_patterns_are_followed(site_handler):
    assert resolve(site_handler, "/guidance/calm/").func is guidance_views.article_detail

    with override_settings(ROOT_URLCONF="tests.config.other_urls"):
        assert resolve(site_handler, "/guidance/calm/").url_name == "elsewhere"

    assert resolve(site_handler, "/guidance/calm/").func is guidance_views.article_detail


def test_the_site_s_wsgi_application_uses_it(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    from config import wsgi

    assert isinstance(wsgi.django_application, Handler)


def test_pages_are_answered_through_it(site_handler):
    """Whole requests, the second from the remembered match. As Django's test client does, the
    database connection is kept open between requests: the test's transaction still needs it."""
    article = make_article(slug="calm", title="Calm")
    environ = RequestFactory().get(article.get_absolute_url()).environ
    answers = []
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        for _ in range(2):
            body = site_handler(environ, lambda status, headers: answers.append(status))
            assert b"Calm" in b"".join(body)
            body.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert answers == ["200 OK", "200 OK"]
    assert site_handler._matches[article.get_absolute_url()].kwargs == {"slug": "calm"}
