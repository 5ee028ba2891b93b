"""
QR codes of our own addresses, made on our server with segno (no outside service).

A QR code holds an absolute address: always a page's short, permanent link, so a printed code
keeps working when an editor renames the page. Codes are made in memory and cached by address,
since the same few links are asked for again and again.
"""

import functools
import io

import segno
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe

# Medium error correction survives a crease or a smudge on a printed sheet.
ERROR = "m"
# Pixels (or SVG units) per module, and the quiet zone around the code, in modules.
SVG_SCALE = 4
BORDER = 4
# The address in a code is a permanent short link, so the image never changes: a year.
MAX_AGE = 365 * 24 * 60 * 60

CONTENT_TYPES = {"svg": "image/svg+xml", "png": "image/png"}


@functools.lru_cache(maxsize=512)
def _code(address):
    return segno.make(address, error=ERROR, micro=False)


def _with_view_box(markup, address, role):
    """``markup`` with a viewBox, so that CSS can size the code (a printed leaflet does), and
    ``role="img"`` when it has a title, which screen readers then read as its name."""
    width, height = _code(address).symbol_size(scale=SVG_SCALE, border=BORDER)
    extra = f'viewBox="0 0 {width} {height}"' + (' role="img"' if role else "")
    return markup.replace("<svg ", f"<svg {extra} ", 1)


@functools.lru_cache(maxsize=512)
def svg(address, *, title=""):
    """The QR code of ``address`` as SVG markup (black on white, with a quiet zone), to put
    inside an HTML page. It keeps its own size unless CSS gives it another.

    Marked safe: segno writes only numbers and path data, and escapes the title."""
    markup = _code(address).svg_inline(
        scale=SVG_SCALE,
        border=BORDER,
        dark="#000",
        light="#fff",
        title=title or None,
        svgclass="qr",
        lineclass=None,
    )
    return mark_safe(_with_view_box(markup, address, role=bool(title)))


@functools.lru_cache(maxsize=512)
def svg_file(address):
    """The QR code of ``address`` as a standalone SVG document (bytes), for download."""
    out = io.BytesIO()
    _code(address).save(
        out,
        kind="svg",
        scale=SVG_SCALE,
        border=BORDER,
        dark="#000",
        light="#fff",
        svgclass=None,
        lineclass=None,
    )
    return out.getvalue()


@functools.lru_cache(maxsize=512)
def png(address, *, scale=10):
    """The QR code of ``address`` as PNG bytes, ``scale`` pixels per module."""
    out = io.BytesIO()
    _code(address).save(out, kind="png", scale=scale, dark="#000", light="#fff", border=BORDER)
    return out.getvalue()


def qr_response(address, fmt, *, filename=""):
    """An ``HttpResponse`` with the QR code of ``address`` (absolute) as ``fmt``, "svg" or
    "png", cached for a year by browsers and proxies: give it only permanent addresses.

    ``filename`` (without extension), if given, names the file a browser saves.
    """
    if fmt not in CONTENT_TYPES:
        raise ValueError(f"No QR code format {fmt!r}.")
    body = svg_file(address) if fmt == "svg" else png(address)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    if filename:
        response["Content-Disposition"] = f'inline; filename="{filename}.{fmt}"'
    return response
