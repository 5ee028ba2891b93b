"""Addresses of the one-page leaflets and of the QR codes of short links (``sharing.leaflets``).

The QR code of a page sits under the address it encodes: ``/a/12/qr.svg`` for ``/a/12/``,
``/help/wales/qr.png`` for ``/help/wales/``. Every QR address is named ``sharing:qr_svg`` or
``sharing:qr_png``; the keyword arguments pick which: ``kind`` and ``pk`` for a page with a short
link, ``nation`` (or none) for the help page.
"""

from django.urls import path

from core import kinds

from . import leaflets


def _short_link_codes():
    """``/a/<id>/qr.svg``, ``/t/<id>/qr.png``...: every kind with a short link."""
    return [
        path(
            f"{kind.short_link}/<int:pk>/qr.{fmt}",
            leaflets.page_qr,
            {"kind": kind.name, "fmt": fmt},
            name=f"qr_{fmt}",
        )
        for kind in kinds.all_kinds()
        if kind.short_link
        for fmt in ("svg", "png")
    ]


def _help_codes():
    return [
        pattern
        for fmt in ("svg", "png")
        for pattern in (
            path(f"help/qr.{fmt}", leaflets.help_qr, {"fmt": fmt}, name=f"qr_{fmt}"),
            path(f"help/<slug:nation>/qr.{fmt}", leaflets.help_qr, {"fmt": fmt}, name=f"qr_{fmt}"),
        )
    ]


urlpatterns = [
    path("guidance/<slug:slug>/leaflet/", leaflets.article_leaflet, name="article_leaflet"),
    path("tips/<slug:slug>/leaflet/", leaflets.tip_page_leaflet, name="tip_page_leaflet"),
    path("help/leaflet/", leaflets.help_leaflet, name="help_leaflet"),
    path("help/<slug:nation>/leaflet/", leaflets.help_leaflet, name="help_leaflet"),
    *_short_link_codes(),
    *_help_codes(),
]
