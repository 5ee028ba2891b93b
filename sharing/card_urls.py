"""Share cards: the pictures link previews show (see ``sharing.cards``)."""

from django.urls import path

from . import cards

urlpatterns = [
    # Any slug is taken as a digest: a wrong or old one (a version number, before cards were
    # named by digest) sends on to the current address.
    path("share-card/<slug:kind>/<int:pk>-<slug:digest>.png", cards.page_card, name="card"),
    path("share-card/site-<slug:digest>.png", cards.site_card_view, name="site_card"),
]
