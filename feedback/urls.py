"""``/feedback/``: the answer, the thank-you page with its comment form, and the comment."""

from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("", views.answer, name="answer"),
    path("thanks/", views.thanks, name="thanks"),
    path("comment/", views.comment, name="comment"),
]
