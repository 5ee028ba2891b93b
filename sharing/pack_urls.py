"""Share packs: ``/p/new/``, ``/p/<code>/``, its sheet and its QR code (sharing/packs.py)."""

from django.urls import path

from . import packs

urlpatterns = [
    path("p/new/", packs.pack_new, name="pack_new"),
    path("p/<str:code>/", packs.pack_detail, name="pack"),
    path("p/<str:code>/sheet/", packs.pack_sheet, name="pack_sheet"),
    # Named as the other QR codes are (sharing/leaflet_urls.py), told apart by ``code``.
    path("p/<str:code>/qr.svg", packs.pack_qr, {"fmt": "svg"}, name="qr_svg"),
    path("p/<str:code>/qr.png", packs.pack_qr, {"fmt": "png"}, name="qr_png"),
]
