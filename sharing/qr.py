"""
QR codes of our own addresses, made on our server with segno (no outside service).

A QR code holds an absolute address: always a page's short, permanent link, so a printed code
keeps working when an editor renames the page. Codes are made in memory and cached by address,
since the same few links are asked for again and again.
"""

import functools

import segno

# Medium error correction survives a crease or a smudge on a printed sheet.
ERROR = "m"


@functools.lru_cache(maxsize=512)
def _code(address):
    return segno.make(address, error=ERROR, micro=False)


@functools.lru_cache(maxsize=512)
def svg(address, *, title=""):
    """The QR code of ``address`` as SVG markup (black on white, with a quiet zone)."""
    return _code(address).svg_inline(
        scale=4, dark="#000", light="#fff", title=title or None, svgclass="qr", lineclass=None
    )


def png(address, *, scale=10):
    """The QR code of ``address`` as PNG bytes, ``scale`` pixels per module."""
    import io

    out = io.BytesIO()
    _code(address).save(out, kind="png", scale=scale, dark="#000", light="#fff", border=4)
    return out.getvalue()
