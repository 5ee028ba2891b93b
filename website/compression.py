"""
Compressed public pages: which encoding a reader's browser accepts, and the compressed body.

Only the page cache (``website.middleware``) calls this, and only for anonymous pages that carry
no secret (no cookie, no CSRF token): compressing a secret next to text an attacker can put on
the page (a search query) would let them guess it a byte at a time from the sizes (BREACH).
"""

import functools
import gzip

import brotli

# Preferred first: Brotli makes HTML about a tenth smaller than gzip.
ENCODINGS = ("br", "gzip")
# Below this, the saving is smaller than a network packet's worth and not worth the work.
MIN_SIZE = 500
# Each page is compressed once per content version (then served from the page cache), so a middle
# level: Brotli's highest (11) is ~30 times slower for ~10% fewer bytes.
BROTLI_QUALITY = 5
GZIP_LEVEL = 6
# A longer Accept-Encoding is not a browser's: it gets the page uncompressed, unparsed.
MAX_HEADER_LENGTH = 500


@functools.lru_cache(maxsize=64)
def negotiate(accept_encoding):
    """The encoding to send for this ``Accept-Encoding`` header: ``"br"``, ``"gzip"`` or ``""``
    (uncompressed). A coding with ``q=0`` is refused; ``*`` stands for any coding not named."""
    if not accept_encoding or len(accept_encoding) > MAX_HEADER_LENGTH:
        return ""
    qualities = {}
    for item in accept_encoding.lower().split(","):
        coding, _, parameters = item.partition(";")
        quality = 1.0
        for parameter in parameters.split(";"):
            name, _, value = parameter.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        qualities.setdefault(coding.strip(), quality)
    best, best_quality = "", 0.0
    for encoding in ENCODINGS:
        quality = qualities.get(encoding, qualities.get("*", 0.0))
        if quality > best_quality:  # "nan" is never greater: refused, like q=0
            best, best_quality = encoding, quality
    return best


def compress(body, encoding):
    if encoding == "br":
        return brotli.compress(body, quality=BROTLI_QUALITY)
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)


def encoded_etag(etag, encoding):
    """A different ETag per encoding (``"abc"`` becomes ``"abc-br"``): the bodies differ, and a
    cache or browser must not answer a revalidation for one with the other."""
    if not encoding or not etag.endswith('"'):
        return etag
    return f'{etag[:-1]}-{encoding}"'
