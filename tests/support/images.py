"""Broken pictures that only decoding every pixel can catch."""

import os
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_with_truncated_pixels(width=200, height=200):
    """A PNG whose every checksum is right but whose pixel data stops halfway.

    ``Image.verify()`` checks only the file's structure and checksums, so it passes this; only
    decoding the pixels shows that they are missing.
    """
    rows = b"".join(b"\0" + os.urandom(width * 3) for _row in range(height))
    pixels = zlib.compress(rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    data = (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", pixels[: len(pixels) // 2])
        + png_chunk(b"IEND", b"")
    )
    return SimpleUploadedFile("broken.png", data, content_type="image/png")
