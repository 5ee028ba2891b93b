"""Draw the app icons (static/img/icon-192.png, icon-512.png, icon-maskable-512.png) from the
design of static/img/icon.svg: a teal circle with a smiling face. Run it again after changing the
design, and commit the PNGs: ``manage.py make_app_icons``."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

TEAL = "#2f6f6a"
WHITE = "#ffffff"
# Drawn this many times larger, then scaled down: smooth edges without an SVG renderer.
SUPERSAMPLE = 4
# The design in icon.svg's own units (a 32 by 32 box).
VIEWBOX = 32
CIRCLE = (16, 16, 15)
EYES = ((12, 13, 2), (20, 13, 2))
# The smile: two cubic curves, "M9 19c2 3 4 4 7 4s5-1 7-4".
SMILE = (((9, 19), (11, 22), (13, 23), (16, 23)), ((16, 23), (19, 23), (21, 22), (23, 19)))
SMILE_WIDTH = 2.5
PALETTE = 32
# name: (size in pixels, maskable). A maskable icon fills its square; its face keeps within
# the middle 80%, the part every mask shape shows.
ICONS = {
    "icon-192.png": (192, False),
    "icon-512.png": (512, False),
    "icon-maskable-512.png": (512, True),
}


def _bezier(p0, p1, p2, p3, steps=64):
    for step in range(steps + 1):
        t = step / steps
        u = 1 - t
        yield tuple(
            u**3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t**3 * d
            for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
        )


def draw(size, maskable=False):
    """The icon as a square RGBA image ``size`` pixels wide."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if maskable:
        pen.rectangle((0, 0, big, big), fill=TEAL)
        scale, offset = big * 0.8 / VIEWBOX, big * 0.1
    else:
        scale, offset = big / VIEWBOX, 0

    def at(x, y):
        return (offset + x * scale, offset + y * scale)

    def disc(x, y, radius, fill):
        cx, cy = at(x, y)
        r = radius * scale
        pen.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill)

    if not maskable:
        disc(*CIRCLE, TEAL)
    for x, y, radius in EYES:
        disc(x, y, radius, WHITE)
    # A round-capped stroke: a disc at every point along the curve.
    for curve in SMILE:
        for x, y in _bezier(*curve, steps=32 * SUPERSAMPLE):
            disc(x, y, SMILE_WIDTH / 2, WHITE)
    smooth = image.resize((size, size), Image.Resampling.LANCZOS)
    # Two colours and their blends need few entries: a palette keeps each file a few KB, which
    # every phone that keeps the site for offline use downloads.
    return smooth.quantize(colors=PALETTE, method=Image.Quantize.FASTOCTREE)


class Command(BaseCommand):
    help = "Draw the app icons in static/img/ from the design of icon.svg."

    def handle(self, *args, **options):
        folder = Path(settings.BASE_DIR) / "static" / "img"
        for name, (size, maskable) in ICONS.items():
            draw(size, maskable).save(folder / name, optimize=True)
            self.stdout.write(f"{folder / name} ({size}x{size})")
