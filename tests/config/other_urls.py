"""URL patterns for tests/config/test_handler.py: the article address leads elsewhere."""

from django.http import HttpResponse
from django.urls import path

urlpatterns = [
    path("guidance/<slug:slug>/", lambda request, slug: HttpResponse(), name="elsewhere")
]
