"""Django's messages with their storage made only when a request uses it
(config.middleware.LazyMessageMiddleware)."""

import pytest
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.functional import empty

from config.middleware import LazyMessageMiddleware

pytestmark = pytest.mark.django_db


def test_a_public_page_never_makes_the_storage(client):
    response = client.get("/")

    assert response.status_code == 200
    assert response.wsgi_request._messages._wrapped is empty
    assert not response.cookies


def test_a_message_added_is_stored_and_read_on_the_next_request(settings):
    settings.MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"

    def view(request):
        messages.success(request, "Saved.")
        return HttpResponse("ok")

    middleware = LazyMessageMiddleware(view)
    first = RequestFactory().get("/")
    response = middleware(first)

    assert "messages" in response.cookies
    second = RequestFactory().get("/", HTTP_COOKIE=f"messages={response.cookies['messages'].value}")
    LazyMessageMiddleware(lambda request: HttpResponse())(second)
    assert [str(message) for message in messages.get_messages(second)] == ["Saved."]


def test_the_storage_is_django_s_own_once_used(rf, settings):
    settings.MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"
    request = rf.get("/")
    LazyMessageMiddleware(lambda request: HttpResponse()).process_request(request)

    assert request._messages._wrapped is empty
    assert isinstance(request._messages, CookieStorage)
    assert request._messages._wrapped is not empty
