"""
Finding the outbound links on published pages, for ``manage.py check_links``.

Every content kind in the registry is read the same way: its own text fields (rich text holds
``<a href>`` links; plain text has none) and web address fields, then the parts saved with it
and deleted with it (an article's sources, a tip page's tips and sources). Only http and https
links are kept: mailto:, tel:, sms: and links within the site are never fetched.
"""

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.db import models
from django.utils.translation import gettext as _

from core import kinds
from core.checkedlinks import MAX_URL_LENGTH
from core.models import Source

MAX_TEXT_LENGTH = 300
# How many parts (tips, sources) are read from one page.
MAX_PARTS_PER_PAGE = 500


@dataclass(frozen=True)
class FoundLink:
    page: models.Model
    place: str
    text: str
    url: str


class _TooMany(Exception):
    pass


class _LinkParser(HTMLParser):
    """Collects each checkable ``<a href>`` once, with its text; stops after ``limit``."""

    def __init__(self, limit):
        super().__init__(convert_charrefs=True)
        self.limit = limit
        self.links = {}  # address -> the text of its first link
        self._href = None
        self._text = []

    def handle_starttag(self, tag, attrs):
        if tag != "a":
            return
        self._finish()
        self._href = (dict(attrs).get("href") or "").strip()
        self._text = []

    def handle_endtag(self, tag):
        if tag == "a":
            self._finish()

    def handle_data(self, data):
        if self._href is not None and sum(map(len, self._text)) < MAX_TEXT_LENGTH:
            self._text.append(data)

    def _finish(self):
        href, self._href = self._href, None
        if href is None or not is_checkable(href) or href in self.links:
            return
        self.links[href] = " ".join("".join(self._text).split())[:MAX_TEXT_LENGTH]
        if len(self.links) >= self.limit:
            raise _TooMany


def links_in_html(markup, limit):
    """The first ``limit`` distinct checkable addresses linked in ``markup``, with the text of
    their first link: ``{url: text}``. Reading stops there, however long the markup."""
    parser = _LinkParser(limit)
    if limit > 0 and "<a" in markup.lower():
        try:
            parser.feed(markup)
            parser.close()
            parser._finish()  # an <a> left open at the end
        except _TooMany:
            pass
    return parser.links


def is_checkable(url):
    """An absolute http(s) address we may fetch, of a length we store."""
    if not url or len(url) > MAX_URL_LENGTH:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _text_fields(model):
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable and isinstance(field, (models.TextField, models.URLField))
    ]


def _parts(model):
    """The relations to rows that are part of a page: kept in its own app, deleted with it
    (rows other apps keep about a page, such as editorial notes, are not what parents read)."""
    return [
        relation
        for relation in model._meta.related_objects
        if relation.one_to_many
        and relation.on_delete is models.CASCADE
        and relation.related_model._meta.app_label == model._meta.app_label
        and kinds.for_model(relation.related_model) is None
        and _text_fields(relation.related_model)
    ]


def _title(page):
    kind = kinds.for_model(page)
    return str(getattr(page, kind.title_field, "") if kind else page)


class _Collector:
    """The links of one page, each (place, address) once, up to one more than ``limit`` (so
    we know when some were left out)."""

    def __init__(self, limit):
        self.limit = limit
        self.links = {}  # (place, url) -> text

    @property
    def room(self):
        return self.limit + 1 - len(self.links)

    def add_fields(self, obj, fields, place, text):
        """Links in ``obj``'s rich text, and its web address fields (shown as ``text``)."""
        for field in fields:
            if self.room <= 0:
                return
            value = getattr(obj, field.attname) or ""
            if isinstance(field, models.URLField):
                found = {value.strip(): text} if is_checkable(value.strip()) else {}
            else:
                found = links_in_html(value, self.room)
            where = place or str(field.verbose_name)
            for url, link_text in found.items():
                self.links.setdefault((where, url), link_text[:MAX_TEXT_LENGTH])


def page_links(page, parts, limit):
    """The checkable links on ``page`` (at most ``limit``), and whether some were left out."""
    title = _title(page)
    collector = _Collector(limit)
    # The page's own fields are named by their label ("body", "introduction").
    collector.add_fields(page, _text_fields(type(page)), "", title)
    for relation in parts:
        fields = _text_fields(relation.related_model)
        rows = getattr(page, relation.get_accessor_name()).all()
        for number, part in enumerate(rows[:MAX_PARTS_PER_PAGE], start=1):
            if isinstance(part, Source):
                place = _("source: %(title)s") % {"title": part.title}
                collector.add_fields(part, fields, place[:300], part.title)
            else:
                place = f"{relation.related_model._meta.verbose_name} {number}"
                collector.add_fields(part, fields, place, title)
    items = list(collector.links.items())
    links = [FoundLink(page, place, text, url) for (place, url), text in items[:limit]]
    return links, len(items) > limit


def published_links(max_per_page):
    """Every checkable link on every published page of every kind, page by page.

    Yields ``(page, links, cut_short)``; a page with more than ``max_per_page`` links has only
    its first ``max_per_page`` checked.
    """
    for kind in kinds.all_kinds():
        parts = _parts(kind.model)
        queryset = kind.model.objects.published().order_by("pk")
        if parts:
            queryset = queryset.prefetch_related(*(p.get_accessor_name() for p in parts))
        for page in queryset.iterator(chunk_size=200):
            links, cut_short = page_links(page, parts, max_per_page)
            yield page, links, cut_short
