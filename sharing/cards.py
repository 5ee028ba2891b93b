"""
Share cards: the picture a messaging app or social site shows beside a link to one of our pages.

A card is a 1200 by 630 PNG drawn on our own server with Pillow from the page's title, what kind
of page it is and the charity's name, in the site's colours. No outside service sees who shares
what. An article or tip page has a card of its own at ``/share-card/<kind>/<id>-<digest>.png``;
every other page shows the one site card, ``/share-card/site-<digest>.png``.

The digest is a short hash of exactly what is drawn on the card (``Card.digest``): the design,
the charity's name, the language, the kind of page and its title. So a card never changes under
its address, and browsers and CDNs may keep it for a year; a new title or a renamed charity
gives a new address for the new card, while a save that changes nothing the card shows keeps the
address, and with it the page's HTML, as it was.

Each card is drawn once and kept in Django's default storage (``share-cards/...``, named by its
digest), which every app server shares (a folder on one machine, the S3 bucket on several), so
however many servers are asked, one drawing is enough.
"""

import functools
import hashlib
import io
import json
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template import engines
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from PIL import Image, ImageDraw, ImageFont

from core import kinds

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = 1200, 630
# The address holds a digest of what is drawn, so what is behind it never changes.
CACHE_CONTROL = "public, max-age=31536000, immutable"
# The largest id a database column holds: a longer number in an address is no page.
LARGEST_NUMBER = 2**63 - 1
# Raise it when the drawing changes: cards are then stored, and addressed, anew.
DESIGN = 1
FOLDER = "share-cards"

# The site's colours (static/css/site.css, light scheme).
BACKGROUND = "#f6f3ee"  # --bg
SOFT = "#e7f0ee"  # --surface-soft
TEXT = "#1f2328"  # --text
MUTED = "#4f565e"  # --muted
BRAND = "#245f5a"  # --brand
BRAND_TEXT = "#ffffff"  # --brand-text

# Fonts that ship with Debian; Pillow's own scalable font where they are missing.
FONT_FILES = {
    True: ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "DejaVuSans-Bold.ttf"),
    False: ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVuSans.ttf"),
}

MARGIN = 80
BAND = 120  # the brand-coloured band along the foot, with the charity's name
TITLE_SIZES = (76, 68, 60, 54, 48)
TITLE_LINES = 4
LINE_SPACING = 1.18


@dataclass(frozen=True)
class Card:
    """What one card shows: everything ``draw`` reads, so everything its digest depends on."""

    title: str
    kicker: str  # what kind of page: "Guidance", "If your baby could speak…"
    site_name: str
    kind: str = ""  # the kind's name ("article", "tip_page"); "" for the site card

    @property
    def digest(self):
        """The first 12 hex digits of a SHA-256 of what is drawn on the card, in the current
        language: the design, the charity's name, the kind of page (its name and what the card
        calls it) and the title. Short enough for an address; two different cards all but never
        share one. Anything else about a page (its text, its version) leaves the digest, and the
        card's address, as they were."""
        drawn = [DESIGN, get_language() or "", self.site_name, self.kind, self.kicker, self.title]
        text = json.dumps(drawn, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()[:12]


@functools.lru_cache(maxsize=32)
def font(size, *, bold=True):
    """DejaVu Sans at ``size`` pixels, or Pillow's built-in scalable font without it."""
    for path in FONT_FILES[bold]:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _width(draw, text, typeface):
    return draw.textlength(text, font=typeface)


def _split_long_word(draw, word, typeface, width):
    """A word too wide for a line, in pieces that fit (a long URL-like title, say)."""
    pieces, piece = [], ""
    for letter in word:
        if piece and _width(draw, piece + letter, typeface) > width:
            pieces.append(piece)
            piece = ""
        piece += letter
    return [*pieces, piece] if piece else pieces


def wrap(draw, text, typeface, width):
    """``text`` in lines no wider than ``width``, breaking between words where it can."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if _width(draw, candidate, typeface) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        if _width(draw, word, typeface) <= width:
            line = word
        else:
            *whole, line = _split_long_word(draw, word, typeface, width)
            lines.extend(whole)
    if line:
        lines.append(line)
    return lines


def one_line(draw, text, typeface, width):
    """``text`` on one line, cut short with an ellipsis if it is too wide."""
    lines = wrap(draw, text, typeface, width)
    if len(lines) <= 1:
        return lines[0] if lines else ""
    return _ellipsis(draw, lines[0], typeface, width)


def _ellipsis(draw, line, typeface, width):
    """``line`` ending in an ellipsis, within ``width``: whole words dropped where it can."""
    while line and _width(draw, line + "…", typeface) > width:
        line = line.rsplit(" ", 1)[0] if " " in line else line[:-1]
    return line.rstrip(" ,.;:-\N{EN DASH}") + "…"


def fit_title(draw, title, width, max_lines=TITLE_LINES):
    """``(font, lines)``: the largest title size at which ``title`` fits in ``max_lines``;
    at the smallest size, the lines that fit, the last ending in an ellipsis."""
    for size in TITLE_SIZES:
        typeface = font(size)
        lines = wrap(draw, title, typeface, width)
        if len(lines) <= max_lines:
            return typeface, lines
    lines = lines[:max_lines]
    lines[-1] = _ellipsis(draw, lines[-1], typeface, width)
    return typeface, lines


def _draw_mark(draw, left, top, size):
    """The site's icon (static/img/icon.svg): a round, smiling face, in white on the band."""
    draw.ellipse((left, top, left + size, top + size), fill=BRAND_TEXT)
    unit = size / 32
    for eye_x in (12, 20):
        x, y = left + eye_x * unit, top + 13 * unit
        draw.ellipse((x - 2 * unit, y - 2 * unit, x + 2 * unit, y + 2 * unit), fill=BRAND)
    draw.arc(
        (left + 9 * unit, top + 11 * unit, left + 23 * unit, top + 23 * unit),
        start=25,
        end=155,
        fill=BRAND,
        width=max(2, round(2.5 * unit)),
    )


def draw(card):
    """The card as PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    text_width = WIDTH - 2 * MARGIN

    # A soft circle in the corner, as on the site's hero, so the card is not a bare page.
    pen.ellipse((WIDTH - 250, -260, WIDTH + 150, 140), fill=SOFT)
    pen.rectangle((0, 0, 16, HEIGHT - BAND), fill=BRAND)

    top = MARGIN - 16
    if card.kicker:
        kicker_font = font(34)
        kicker = one_line(pen, card.kicker, kicker_font, text_width - 200)
        pen.text((MARGIN, top), kicker, font=kicker_font, fill=BRAND)
        top += 34 + 34

    title_area = HEIGHT - BAND - top - 48
    typeface, lines = fit_title(pen, card.title, text_width)
    line_height = round(typeface.size * LINE_SPACING)
    # Centred in what is left above the band, so a short title does not float at the top.
    block = line_height * len(lines)
    y = top + max(0, (title_area - block) // 2)
    for line in lines:
        pen.text((MARGIN, y), line, font=typeface, fill=TEXT)
        y += line_height

    band_top = HEIGHT - BAND
    pen.rectangle((0, band_top, WIDTH, HEIGHT), fill=BRAND)
    mark = 64
    _draw_mark(pen, MARGIN, band_top + (BAND - mark) // 2, mark)
    name_font = font(40)
    name = one_line(pen, card.site_name, name_font, text_width - mark - 28)
    name_left = MARGIN + mark + 28
    pen.text((name_left, band_top + BAND // 2), name, font=name_font, fill=BRAND_TEXT, anchor="lm")

    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def page_context(request):
    """What every page's template is given by the context processors (``site_name``...).

    The public site, a layer above this app, provides them; reading them here shows the card
    the same charity name as the page, without importing the public site.
    """
    context = {}
    for processor in engines["django"].engine.template_context_processors:
        context.update(processor(request))
    return context


def site_name_for(request):
    return str(page_context(request).get("site_name") or settings.SITE_NAME)


def site_card(site_name):
    return Card(
        title=_("Calm guidance on your baby's feelings, and where to get help"),
        kicker="",
        site_name=site_name,
    )


def design_digest(site_name):
    """The site card's digest: it changes with the design, the language and the charity's name,
    the only things on the site card that can change."""
    return site_card(site_name).digest


def storage_name(name):
    """Where a card is kept: ``share-cards/<name>.png``."""
    return f"{FOLDER}/{name}.png"


def page_card_name(kind_name, pk, card):
    """The stored name of one page's card: ``<kind>-<id>-<digest>``, as in its address."""
    return f"{kind_name}-{pk}-{card.digest}"


def site_card_name(site_name):
    return f"site-{design_digest(site_name)}"


def stored(name, make):
    """The PNG kept under ``name``, drawn by ``make()`` and kept the first time it is asked for.

    Two servers asked for a new card at the same moment may both draw it; the storage keeps
    one copy (a file system storage would keep the second under another name: it goes).
    """
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as found:
            return found.read()
    png = make()
    try:
        saved = default_storage.save(name, ContentFile(png))
        if saved != name:
            default_storage.delete(saved)
    except OSError:
        # A card that cannot be kept is still worth sending: it is drawn again next time.
        logger.exception("Could not store the share card %s", name)
    return png


def kind_with_card(name):
    """The kind called ``name`` if its pages have cards of their own: the kinds with short
    links (articles, tip pages), the ones professionals share one by one."""
    found = kinds.named(name)
    return found if found is not None and found.short_link else None


def card_for(item, site_name):
    """The ``Card`` of ``item`` (an article, a tip page), or ``None`` for a kind without one."""
    found = kinds.for_model(item)
    if found is None or not found.short_link:
        return None
    return Card(
        title=str(getattr(item, found.title_field)),
        kicker=str(found.public_name),
        site_name=site_name,
        kind=found.name,
    )


def card_path(item, site_name):
    """The address of ``item``'s card as the charity called ``site_name`` draws it, or ``None``
    for a kind without cards."""
    card = card_for(item, site_name)
    if card is None or item.pk is None:
        return None
    return reverse("sharing:card", kwargs={"kind": card.kind, "pk": item.pk, "digest": card.digest})


def site_card_path(site_name):
    return reverse("sharing:site_card", kwargs={"digest": design_digest(site_name)})


def alt_text(card):
    """What the card shows, for people who cannot see it: its title, then what kind of page
    and whose ("Settling your baby. If your baby could speak, Little Voices")."""
    title = card.title.strip()
    if title and title[-1] not in ".?!…":
        title += "."
    about = f"{card.kicker}, {card.site_name}" if card.kicker else card.site_name
    return f"{title} {about}"


def _png(body):
    response = HttpResponse(body, content_type="image/png")
    response["Cache-Control"] = CACHE_CONTROL
    response["Content-Length"] = str(len(body))
    return response


@require_safe
def page_card(request, kind, pk, digest):
    """The share card of one published article or tip page as it is now; any other digest (a
    link shared before the title or the charity's name changed, or an address of the time
    cards were named by version) sends on to the current address."""
    found = kind_with_card(kind)
    if found is None or pk > LARGEST_NUMBER:
        raise Http404
    item = found.model.objects.published().only(found.title_field).filter(pk=pk).first()
    if item is None:
        raise Http404
    site_name = site_name_for(request)
    card = card_for(item, site_name)
    if digest != card.digest:
        return redirect(card_path(item, site_name))
    name = storage_name(page_card_name(found.name, item.pk, card))
    return _png(stored(name, lambda: draw(card)))


@require_safe
def site_card_view(request, digest):
    """The card of every page without one of its own (home, lists, help, simple pages)."""
    site_name = site_name_for(request)
    if digest != design_digest(site_name):
        return redirect(site_card_path(site_name))
    name = storage_name(site_card_name(site_name))
    return _png(stored(name, lambda: draw(site_card(site_name))))
