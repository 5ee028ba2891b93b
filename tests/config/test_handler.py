"""Django's WSGI handler remembering where recent paths lead (config/handler.py): the same view
and arguments as Django's own matching, a 404 matched afresh each time, bounded memory, and
nothing remembered past a change of URL patterns."""

import pytest
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


def test_the_site_answers_through_it(client, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    from config import wsgi

    article = make_article(slug="calm", title="Calm")
    assert isinstance(wsgi.django_application, Handler)
    environ = RequestFactory().get(article.get_absolute_url()).environ
    answers = []
    for _ in range(2):
        body = wsgi.django_application(environ, lambda status, headers: answers.append(status))
        assert b"Calm" in b"".join(body)
    assert answers == ["200 OK", "200 OK"]
