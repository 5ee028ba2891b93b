"""
Revisions of content, read from django-simple-history, in words an editor understands.

Every save of a page is kept as a *historical record* (a copy of the row, with who, when and
why). This module turns two records into a list of changed fields with readable old and new
values, highlights the changed words, and brings back an old revision or a deleted page.
"""

import bisect
import datetime
import difflib
import html
import re
from collections import Counter, deque
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import cached_property
from itertools import zip_longest
from urllib.parse import unquote

from django.core.exceptions import ObjectDoesNotExist
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from simple_history.utils import get_m2m_field_name

from core import kinds

# Fields that a restore leaves as they are now: publishing is a separate decision, the clinical
# review record must not be rewritten, the address stays the same so links keep working, and
# machine-written or bookkeeping fields belong to the present.
KEPT_ON_RESTORE = {
    "id",
    "slug",
    "version",
    "status",
    "published_at",
    "created_at",
    "updated_at",
    "is_starter",
    "owner",
    "reviewed_by",
    "last_reviewed",
    "next_review_due",
    "last_checked",
    "link_status",
    "link_error",
    "link_checked_at",
    "search_document",
    "body_text",
}

# Changes made within this many seconds of a page's deletion are part of that deletion (Django
# deletes a page's tips and sources just before the page itself).
DELETION_WINDOW = datetime.timedelta(seconds=30)

LOOKS_LIKE_HTML = re.compile(r"<(?:p|h[1-6]|ul|ol|li|strong|em|b|i|a|br|blockquote)\b", re.I)
EMPTY = "—"

# Marking changed words uses difflib, whose time grows with the square of the words compared, so
# a long page compared word for word could tie up the server for minutes. Paragraphs are
# matched first (in about linear time) and words are compared only between two paragraphs that
# differ, up to these sizes; past them whole paragraphs are marked and a summary is shown.
MAX_WORD_PAIRS = 90_000  # one paragraph of 300 words against one of 300
MAX_WORDS_COMPARED = 12_000  # over all the changed paragraphs of one field
# Paragraph matching looks again inside the stretches between matched paragraphs this many
# times at most, which keeps its work bounded however the text is arranged.
MAX_MATCH_DEPTH = 8
# Within a stretch of changed paragraphs, each is paired with the one most like it when the
# stretch is this small (old paragraphs times new ones); a longer one is paired in order.
MAX_LINES_PAIRED = 100
# A field lists this many changed links at most (a page pasted over another could change
# hundreds); the rest are counted.
MAX_LINKS_LISTED = 50
WORD = re.compile(r"\S+\s*|\s+")

# Rich text is read with regular expressions that never go back over what they matched
# (possessive "*+"), so even broken markup, such as "<p" and a long run of letters with no
# ">", is read in one pass. A tag's attributes may hold quoted ">" characters.
TAG = re.compile(r"""<(/?)([a-zA-Z][a-zA-Z0-9]*+)((?:[^<>"']|"[^"]*"|'[^']*')*+)>""")
HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCK_TAGS = HEADINGS | {"p", "li", "ul", "ol", "blockquote", "div"}
PARAGRAPH = "p"
# What each kind of block is called beside its words; a paragraph needs no name, unless it
# used to be (or has become) something else.
BLOCK_NAMES = {
    PARAGRAPH: gettext_lazy("Paragraph"),
    "h1": gettext_lazy("Heading 1"),
    "h2": gettext_lazy("Heading 2"),
    "h3": gettext_lazy("Heading 3"),
    "h4": gettext_lazy("Heading 4"),
    "h5": gettext_lazy("Heading 5"),
    "h6": gettext_lazy("Heading 6"),
    "ul": gettext_lazy("List item"),
    "ol": gettext_lazy("Numbered list item"),
    "blockquote": gettext_lazy("Quote"),
}
# Links to ring, text or e-mail are named for what they do; numbers are checked by a person.
LINK_KINDS = {
    "tel": gettext_lazy("Phone number"),
    "sms": gettext_lazy("Text number"),
    "mailto": gettext_lazy("E-mail"),
}
NUMBER_SCHEMES = {"tel", "sms"}
# The number fields of kinds with contact details (a resource's phone and text number), read
# as the call and text links they become on the site.
NUMBER_FIELDS = {"phone": "tel", "text_number": "sms"}


@dataclass(frozen=True)
class Block:
    """One heading, paragraph, list item or quote: what it is (``kind``) and its words."""

    kind: str
    text: str


@dataclass(frozen=True)
class Link:
    """Where a link points (``target``) and the words it is on (``text``)."""

    text: str
    target: str


@dataclass(frozen=True)
class Content:
    """A field's value as an editor reads it: its blocks in order and the links in it."""

    blocks: tuple
    links: tuple = ()

    @property
    def text(self):
        return "\n".join(block.text for block in self.blocks)


@dataclass(frozen=True)
class LinkChange:
    """A link added, taken out or pointing somewhere else (``old`` or ``new`` is "" if none)."""

    text: str
    old: str
    new: str

    @property
    def scheme(self):
        return scheme_of(self.new or self.old)

    @property
    def what(self):
        return LINK_KINDS.get(self.scheme, _("Link"))

    @property
    def important(self):
        """A phone or text number a parent will be given, which a person must check."""
        return bool(self.new) and scheme_of(self.new) in NUMBER_SCHEMES

    @property
    def described(self):
        """One escaped sentence: Link “Samaritans”: <del>old</del> → <ins>new</ins>."""
        old = format_html("<del>{}</del>", shown_target(self.old))
        new = format_html("<ins>{}</ins>", shown_target(self.new))
        values = {"what": self.what, "text": self.text, "old": old, "new": new}
        if self.old and self.new:
            sentence = (
                _("{what} “{text}”: {old} → {new}") if self.text else _("{what}: {old} → {new}")
            )
        elif self.new:
            sentence = _("{what} “{text}” added: {new}") if self.text else _("{what} added: {new}")
        else:
            sentence = (
                _("{what} “{text}” removed: {old}") if self.text else _("{what} removed: {old}")
            )
        return format_html(sentence, **values)


def scheme_of(target):
    scheme, colon, _rest = target.partition(":")
    return scheme.strip().lower() if colon else ""


def shown_target(target):
    """A web address as it is; a phone number or e-mail address without its "tel:" or "mailto:"."""
    if scheme_of(target) in LINK_KINDS:
        return unquote(target.partition(":")[2])
    return target


@dataclass
class FieldChange:
    """One field that differs between two revisions, ready to show."""

    name: str
    label: str
    old: str
    new: str
    # Headings, paragraphs and list items, when the field is rich text; else one per line.
    old_content: Content | None = None
    new_content: Content | None = None
    # Links whose target changed, added or removed (at most ``MAX_LINKS_LISTED``).
    links: list = dataclass_field(default_factory=list)
    more_links: int = 0

    @cached_property
    def blocks(self):
        """The old and the new blocks (plain values: one paragraph a line)."""
        return (
            (self.old_content or plain_content(self.old)).blocks,
            (self.new_content or plain_content(self.new)).blocks,
        )

    @cached_property
    def highlighted(self):
        return highlight_blocks(*self.blocks)

    @property
    def old_html(self):
        return self.highlighted.old

    @property
    def new_html(self):
        return self.highlighted.new

    @property
    def summary(self):
        if self.links and self.blocks[0] == self.blocks[1]:
            return _("The words are the same; only where a link points changed.")
        return self.highlighted.summary

    @property
    def numbers(self):
        """Phone and text numbers put in or changed, which someone must check before publishing."""
        return [link for link in self.links if link.important]

    @property
    def important(self):
        return bool(self.numbers)


def history_manager(model):
    """The model's history manager (``Article.history``), or None if it keeps no history."""
    attribute = getattr(model._meta, "simple_history_manager_attribute", None)
    return getattr(model, attribute) if attribute else None


def records_of(obj_or_model, pk=None):
    """Every record of one object, newest first."""
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    pk = obj_or_model.pk if pk is None else pk
    return history_manager(model).filter(id=pk).order_by("-history_date", "-history_id")


def compared_fields(model):
    """The fields a person edits, in form order; machine-kept fields are left out."""
    return [
        field
        for field in model._meta.get_fields()
        if getattr(field, "editable", False)
        and not field.auto_created
        and (field.concrete or field.many_to_many)
        and field.name not in {"search_document", "body_text"}
    ]


def field_value_text(record, field):
    """The value of ``field`` in a historical record (or the live object), as plain words."""
    if isinstance(field, models.ManyToManyField):
        return ", ".join(sorted(str(item) for item in m2m_targets(record, field))) or EMPTY
    value = getattr(record, field.attname)
    if field.choices:
        value = dict(field.flatchoices).get(value, value)
    if isinstance(field, models.ForeignKey):
        value = related_label(field, value)
    return value_text(value)


def field_content(record, field, name):
    """
    The value of ``field`` in ``record`` as blocks and links. Rich text keeps its headings,
    list items and links; a web address is a link named ``name`` (the page or source it
    belongs to); a resource's phone and text numbers are the call and text links they become.
    """
    value = None if isinstance(field, models.ManyToManyField) else getattr(record, field.attname)
    if isinstance(value, str) and LOOKS_LIKE_HTML.search(value):
        return read_rich_text(value)
    content = plain_content(field_value_text(record, field))
    if not value or not isinstance(value, str):
        return content
    if isinstance(field, models.URLField):
        return Content(content.blocks, (Link(name, value),))
    scheme = NUMBER_FIELDS.get(field.name)
    if scheme and getattr(kinds.for_model(field.model), "contact_details", False):
        return Content(content.blocks, (Link("", f"{scheme}:{value}"),))
    return content


def plain_content(text):
    """Plain words as one paragraph a line."""
    return Content(tuple(Block(PARAGRAPH, line) for line in text.split("\n")))


def related_label(field, pk):
    if pk is None:
        return None
    try:
        return str(field.related_model._default_manager.get(pk=pk))
    except ObjectDoesNotExist:
        return _("(deleted)")


def value_text(value):
    """Plain words for any stored value."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    if isinstance(value, (list, dict)):
        return str(len(value)) if value else EMPTY
    text = str(value).replace("\r\n", "\n")  # browsers send new lines as \r\n
    if LOOKS_LIKE_HTML.search(text):
        # One line per paragraph, so a compare can match paragraphs before it looks at words.
        text = read_rich_text(text).text
    return text


def read_rich_text(markup):
    """
    ``markup`` as blocks (headings, paragraphs, list items, quotes: a line break starts a new
    one of the same kind) and the links in it, in one pass over the text. Tags other than
    blocks, line breaks and links are left out and their words kept. Unclosed or stray tags
    are tolerated: a closing tag ends the innermost open block of its name, if any.
    """
    blocks, links = [], []
    # Open blocks, innermost last, as (tag, kind of the words inside, list it is in).
    stack, open_count = [], Counter()
    words, link_words, link_target = [], None, None

    def kind():
        return stack[-1][1] if stack else PARAGRAPH

    def end_block():
        text = " ".join(html.unescape("".join(words)).split())
        if text:
            blocks.append(Block(kind(), text))
        words.clear()

    def end_link():
        nonlocal link_words, link_target
        if link_target is not None:
            links.append(Link(" ".join(html.unescape("".join(link_words)).split()), link_target))
        link_words = link_target = None

    position = 0
    for tag in TAG.finditer(markup):
        between = markup[position : tag.start()]
        words.append(between)
        if link_words is not None:
            link_words.append(between)
        position = tag.end()
        closing, name = tag[1] == "/", tag[2].lower()
        if name in BLOCK_TAGS:
            end_block()
            if not closing:
                stack.append(opened_block(name, stack[-1] if stack else None))
                open_count[name] += 1
            elif open_count[name]:
                while stack:
                    open_count[stack[-1][0]] -= 1
                    if stack.pop()[0] == name:
                        break
        elif name == "br":
            end_block()
        elif name == "a":
            end_link()
            if not closing and (href := HREF.search(tag[3])):
                link_target = html.unescape(
                    next(part for part in href.groups() if part is not None)
                )
                link_words = []
    words.append(markup[position:])
    if link_words is not None:
        link_words.append(markup[position:])
    end_link()
    end_block()
    return Content(tuple(blocks) or (Block(PARAGRAPH, EMPTY),), tuple(links))


def opened_block(tag, parent):
    """What the words in a newly opened ``tag`` are, inside ``parent`` (an open block or None)."""
    parent_kind, parent_list = (parent[1], parent[2]) if parent else (PARAGRAPH, None)
    if tag in HEADINGS or tag == "blockquote":
        return tag, tag, parent_list
    if tag in {"ul", "ol"}:
        return tag, parent_kind, tag
    if tag == "li":
        return tag, parent_list or "ul", parent_list
    return tag, parent_kind, parent_list  # a paragraph inside a list item or quote is part of it


def m2m_targets(record, field):
    """The objects a many-to-many field pointed at in ``record`` (a history record or a page)."""
    if not hasattr(record, "history_id"):
        if record.pk is None:  # a page not saved yet links to nothing
            return []
        return list(getattr(record, field.name).all())
    if field.name not in {f.name for f in record._history_m2m_fields}:
        return []
    target = field.m2m_reverse_field_name()
    ids = [row[f"{target}_id"] for row in getattr(record, field.name).values(f"{target}_id")]
    return list(field.related_model._default_manager.filter(pk__in=ids))


def display_name(record):
    """What a history record or an object is called (a source's title, a resource's name)."""
    return str(record.instance if hasattr(record, "history_id") else record)


def changes_between(model, old, new):
    """
    The fields that differ from revision ``old`` to ``new`` (either may be the live page, or
    one with changes applied but not saved). A field differs when its words, the kind of one
    of its blocks (a paragraph become a heading) or where one of its links points changed.
    """
    changes = []
    name = None
    for model_field in compared_fields(model):
        if name is None and isinstance(model_field, models.URLField):
            name = display_name(new)
        before = field_content(old, model_field, name)
        after = field_content(new, model_field, name)
        if before == after:
            continue
        links = link_changes(before.links, after.links)
        if before.blocks == after.blocks and not links:
            continue  # the same links, only in another order
        changes.append(
            FieldChange(
                model_field.name,
                capfirst(model_field.verbose_name),
                before.text,
                after.text,
                old_content=before,
                new_content=after,
                links=links[:MAX_LINKS_LISTED],
                more_links=max(0, len(links) - MAX_LINKS_LISTED),
            )
        )
    return changes


def link_changes(old_links, new_links):
    """
    The links whose target changed (same words, another address), then those added and
    removed, in page order, phone and text numbers first. A link whose words changed but
    which points at the same place is left out: that shows in the words. Linear in the
    number of links.
    """
    if old_links == new_links:
        return []
    old_counts, new_counts = Counter(old_links), Counter(new_links)
    kept = old_counts & new_counts
    removed = unmatched(old_links, old_counts - kept, key=lambda link: link)
    added = unmatched(new_links, new_counts - kept, key=lambda link: link)
    targets = Counter(link.target for link in removed) & Counter(link.target for link in added)
    removed = unmatched(removed, targets.copy(), key=lambda link: link.target, keep=False)
    added = unmatched(added, targets, key=lambda link: link.target, keep=False)
    waiting = {}
    for index, link in enumerate(removed):
        waiting.setdefault(link.text, deque()).append(index)
    changed, put_in, paired = [], [], set()
    for link in added:
        if queue := waiting.get(link.text):
            index = queue.popleft()
            paired.add(index)
            changed.append(LinkChange(link.text, removed[index].target, link.target))
        else:
            put_in.append(LinkChange(link.text, "", link.target))
    taken_out = [
        LinkChange(link.text, link.target, "")
        for index, link in enumerate(removed)
        if index not in paired
    ]
    changes = changed + put_in + taken_out
    changes.sort(key=lambda change: not change.important)
    return changes


def unmatched(links, counts, key, keep=True):
    """
    With ``keep``, the links that ``counts`` counts (each as often as counted), in order;
    without, the links left once those are taken out.
    """
    chosen = []
    for link in links:
        counted = counts[key(link)] > 0
        if counted:
            counts[key(link)] -= 1
        if counted == keep:
            chosen.append(link)
    return chosen


def changed_field_labels(record):
    """The names of the fields this record changed, compared with the record before it."""
    previous = record.prev_record
    if previous is None:
        return []
    return [change.label for change in changes_between(record.instance_type, previous, record)]


@dataclass
class Highlighted:
    """Two versions of a field as HTML, with a sentence for when words could not be marked."""

    old: str
    new: str
    summary: str = ""


def highlight_blocks(old, new):
    """
    Two lists of blocks as HTML, escaped, with removed words in <del> and added in <ins>, and
    each block that is not a plain paragraph named ("Heading 2", "List item"); a block whose
    kind changed has its old and new names marked.

    Blocks are matched first; words are compared only inside blocks that differ, within
    ``MAX_WORD_PAIRS`` and ``MAX_WORDS_COMPARED``. Past those, whole blocks are marked and
    ``summary`` says how many changed.

    Everything is escaped with the standard library's ``html.escape`` (what Django's ``escape``
    does, without its per-call wrapping, which is slow over thousands of short pieces) and
    marked safe once, at the end.
    """
    old_html, new_html = [], []
    budget = MAX_WORDS_COMPARED
    changed = 0
    whole_paragraphs = False
    for tag, a1, a2, b1, b2 in line_opcodes(old, new):
        if tag == "equal":
            old_html += (block_name(block.kind) + html.escape(block.text) for block in old[a1:a2])
            new_html += (block_name(block.kind) + html.escape(block.text) for block in new[b1:b2])
            continue
        changed += max(a2 - a1, b2 - b1)
        for before, after in paired_lines(old[a1:a2], new[b1:b2]):
            if after is None:
                old_html.append(block_name(before.kind) + mark(before.text, "del"))
                continue
            if before is None:
                new_html.append(block_name(after.kind) + mark(after.text, "ins"))
                continue
            if before.kind == after.kind:
                old_name = new_name = block_name(before.kind)
            else:
                old_name = block_name(before.kind, "del")
                new_name = block_name(after.kind, "ins")
            before_words, after_words = WORD.findall(before.text), WORD.findall(after.text)
            size = len(before_words) + len(after_words)
            if before.text == after.text:
                marked_old = marked_new = html.escape(before.text)
            elif len(before_words) * len(after_words) <= MAX_WORD_PAIRS and size <= budget:
                budget -= size
                marked_old, marked_new = mark_words(before_words, after_words)
            else:
                whole_paragraphs = True
                marked_old, marked_new = mark(before.text, "del"), mark(after.text, "ins")
            old_html.append(old_name + marked_old)
            new_html.append(new_name + marked_new)
    summary = ""
    if whole_paragraphs:
        summary = ngettext(
            "%(count)s paragraph changed. It is too long to mark word by word, so the whole "
            "paragraph is marked.",
            "%(count)s paragraphs changed. Too many words changed to mark them all one by one, "
            "so some paragraphs are marked as a whole.",
            changed,
        ) % {"count": changed}
    return Highlighted(mark_safe("\n".join(old_html)), mark_safe("\n".join(new_html)), summary)


def block_name(kind, tag=None):
    """
    What a block is, as escaped HTML before its words: nothing for a paragraph, unless
    ``tag`` ("del" or "ins") marks that the block was or became something else.
    """
    if kind == PARAGRAPH and tag is None:
        return ""
    element = tag or "span"
    name = html.escape(str(BLOCK_NAMES[kind]))
    return f'<{element} class="revision-block">{name}</{element}> '


def paired_lines(old, new):
    """
    The blocks of a changed stretch as (old, new) pairs, in order: each old block with the
    new one most like it (sharing at least half their words), and ``None`` beside a block
    taken out or put in. One block against one (a title, a summary) is always compared word
    by word; a long stretch is paired in order, one old with one new.
    """
    if len(old) * len(new) == 1 or len(old) * len(new) > MAX_LINES_PAIRED:
        return list(zip_longest(old, new))
    old_words = [set(block.text.split()) for block in old]
    new_words = [set(block.text.split()) for block in new]

    def pair(alo, ahi, blo, bhi):
        best, where = 0.5, None
        for i in range(alo, ahi):
            for j in range(blo, bhi):
                alike = len(old_words[i] & new_words[j]) / (len(old_words[i] | new_words[j]) or 1)
                if alike >= best:
                    best, where = alike, (i, j)
        if where is None:
            return [(line, None) for line in old[alo:ahi]] + [(None, line) for line in new[blo:bhi]]
        i, j = where
        return [*pair(alo, i, blo, j), (old[i], new[j]), *pair(i + 1, ahi, j + 1, bhi)]

    return pair(0, len(old), 0, len(new))


def mark(text, tag):
    """``text`` escaped and wrapped in ``tag`` (nothing for an empty line or a missing one)."""
    return f"<{tag}>{html.escape(text)}</{tag}>" if text else ""


def mark_words(old_words, new_words):
    """Two lists of words (each with the spaces after it) as escaped HTML, changed words marked."""
    # Words are matched without the spaces after them, so the last word of a paragraph
    # matches the same word followed by more.
    matcher = difflib.SequenceMatcher(
        a=[word.rstrip() for word in old_words],
        b=[word.rstrip() for word in new_words],
        autojunk=False,
    )
    old_html, new_html = [], []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            old_html.append(html.escape("".join(old_words[a1:a2])))
            new_html.append(html.escape("".join(new_words[b1:b2])))
            continue
        # Each word is marked on its own, and the spaces between words are not marked.
        old_html += (mark_one(word, "del") for word in old_words[a1:a2])
        new_html += (mark_one(word, "ins") for word in new_words[b1:b2])
    return "".join(old_html), "".join(new_html)


def mark_one(word, tag):
    bare = word.rstrip()
    return mark(bare, tag) + word[len(bare) :]


def line_opcodes(old, new):
    """
    Opcodes like difflib's for two lists of lines, found without difflib's quadratic search:
    equal lines at both ends are taken off, then lines that occur exactly once in each version
    are matched in order (the longest run that keeps their order), and the stretches between
    them are looked at again the same way, ``MAX_MATCH_DEPTH`` times at most.
    """
    matches = []
    _match_lines(old, new, 0, len(old), 0, len(new), matches, 0)
    opcodes, i, j = [], 0, 0
    for a, b in [*matches, (len(old), len(new))]:
        if i < a and j < b:
            opcodes.append(("replace", i, a, j, b))
        elif i < a:
            opcodes.append(("delete", i, a, j, j))
        elif j < b:
            opcodes.append(("insert", i, i, j, b))
        if a < len(old):
            if opcodes and opcodes[-1][0] == "equal" and opcodes[-1][2] == a:
                opcodes[-1] = ("equal", opcodes[-1][1], a + 1, opcodes[-1][3], b + 1)
            else:
                opcodes.append(("equal", a, a + 1, b, b + 1))
        i, j = a + 1, b + 1
    return opcodes


def _match_lines(old, new, alo, ahi, blo, bhi, matches, depth):
    """Add to ``matches`` the (old, new) index pairs of equal lines in the two ranges, in order."""
    head = []
    while alo < ahi and blo < bhi and old[alo] == new[blo]:
        head.append((alo, blo))
        alo, blo = alo + 1, blo + 1
    tail = []
    while alo < ahi and blo < bhi and old[ahi - 1] == new[bhi - 1]:
        ahi, bhi = ahi - 1, bhi - 1
        tail.append((ahi, bhi))
    matches += head
    if alo < ahi and blo < bhi and depth < MAX_MATCH_DEPTH:
        anchors = _unique_anchors(old, new, alo, ahi, blo, bhi)
        previous_a, previous_b = alo, blo
        for a, b in anchors:
            _match_lines(old, new, previous_a, a, previous_b, b, matches, depth + 1)
            matches.append((a, b))
            previous_a, previous_b = a + 1, b + 1
        if anchors:
            _match_lines(old, new, previous_a, ahi, previous_b, bhi, matches, depth + 1)
    matches += reversed(tail)


def _unique_anchors(old, new, alo, ahi, blo, bhi):
    """Lines found once in each range, as the longest list of pairs in the same order in both."""
    counts = {}
    for i in range(alo, ahi):
        seen = counts.setdefault(old[i], [0, i, 0, None])
        seen[0] += 1
    for j in range(blo, bhi):
        if (seen := counts.get(new[j])) is not None:
            seen[2] += 1
            seen[3] = j
    pairs = sorted((a, b) for in_old, a, in_new, b in counts.values() if in_old == in_new == 1)
    # Longest increasing run of new-side positions (patience sorting), in n log n.
    tops, top_index, previous = [], [], [None] * len(pairs)
    for k, (_a, b) in enumerate(pairs):
        pile = bisect.bisect_left(tops, b)
        previous[k] = top_index[pile - 1] if pile else None
        if pile == len(tops):
            tops.append(b)
            top_index.append(k)
        else:
            tops[pile] = b
            top_index[pile] = k
    run, k = [], top_index[-1] if top_index else None
    while k is not None:
        run.append(pairs[k])
        k = previous[k]
    return run[::-1]


# Rows edited inside a page's form (tips, sources) -------------------------------------------


def child_relations(model):
    """The kept-in-history models whose rows belong to ``model`` (tips, sources)."""
    return [
        relation
        for relation in model._meta.related_objects
        if relation.one_to_many
        and history_manager(relation.related_model) is not None
        and relation.on_delete is models.CASCADE
    ]


def children_as_of(relation, parent_pk, moment):
    """The latest record of each child row of a page that existed at ``moment``."""
    manager = history_manager(relation.related_model)
    latest = {}
    records = manager.filter(
        **{relation.field.attname: parent_pk, "history_date__lte": moment}
    ).order_by("history_date", "history_id")
    for record in records:
        latest[record.id] = record
    return [record for record in latest.values() if record.history_type != "-"]


def child_fields(model):
    return [f for f in compared_fields(model) if not isinstance(f, models.ForeignKey)]


def child_text(record):
    return " / ".join(
        value_text(getattr(record, f.attname)) for f in child_fields(record.instance_type)
    )


def child_links(records):
    """The links in child rows: in their rich text, and their web addresses named by title."""
    links = []
    for record in records:
        name = display_name(record)
        for child_field in child_fields(record.instance_type):
            links += field_content(record, child_field, name).links
    return tuple(links)


def moment_of(record):
    """
    The moment a revision stands for, tips and sources included: those are saved just after
    the page, so a revision lasts until the next one begins (or until now).
    """
    following = record.next_record if record is not None else None
    if following is None:
        return timezone.now() + datetime.timedelta(seconds=1)
    return following.history_date - datetime.timedelta(microseconds=1)


def children_changes(model, pk, old_moment, new_moment):
    """
    Tips or sources that differ between two moments, as one change per kind of row: their
    words, or where one of their links points.
    """
    changes = []
    for relation in child_relations(model):
        old_rows = children_as_of(relation, pk, old_moment)
        new_rows = children_as_of(relation, pk, new_moment)
        before = [child_text(r) for r in old_rows]
        after = [child_text(r) for r in new_rows]
        links = link_changes(child_links(old_rows), child_links(new_rows))
        if before != after or links:
            label = capfirst(relation.related_model._meta.verbose_name_plural)
            changes.append(
                FieldChange(
                    relation.name,
                    label,
                    "\n".join(before),
                    "\n".join(after),
                    links=links[:MAX_LINKS_LISTED],
                    more_links=max(0, len(links) - MAX_LINKS_LISTED),
                )
            )
    return changes


# Restoring -----------------------------------------------------------------------------------


@transaction.atomic
def restore_revision(obj, record, user):
    """
    Make ``obj`` look as it did in ``record`` again, as a new revision.

    The words, picture, links to stages, topics and signposting, and the tips and sources come
    back; publishing, the address and the clinical review record stay as they are now.
    """
    model = type(obj)
    for field in model._meta.concrete_fields:
        if field.name in KEPT_ON_RESTORE or not hasattr(record, field.attname):
            continue
        setattr(obj, field.attname, getattr(record, field.attname))
    obj._history_user = user
    obj._change_reason = _("Restored the version from %(when)s") % {
        "when": value_text(record.history_date)
    }
    moment = moment_of(record)  # before saving, which starts a newer revision
    obj.save()
    restore_m2m(obj, record)
    restore_children(obj, moment, user)
    return obj


def restore_m2m(obj, record):
    """Set the page's links as ``record`` kept them, recorded in the revision just saved."""
    obj.skip_history_when_saving = True
    try:
        for field in getattr(record, "_history_m2m_fields", []):
            targets = m2m_targets(record, type(obj)._meta.get_field(field.name))
            getattr(obj, field.name).set(targets)
    finally:
        del obj.skip_history_when_saving
    refresh_m2m_snapshot(obj)


def refresh_m2m_snapshot(obj):
    """
    Make the newest revision of ``obj`` hold its links as they are now.

    Django saves a page first and its links afterwards; simple-history would record each link
    change as a revision of its own. Instead the links are set with history paused, and the
    one revision of the save is brought up to date here.
    """
    record = records_of(obj).first()
    for field in getattr(record, "_history_m2m_fields", []):
        history_model = getattr(type(record), field.name).model
        through = getattr(obj, field.name).through
        names = [f.name for f in through._meta.fields]
        history_model.objects.filter(history=record).delete()
        rows = through.objects.filter(**{get_m2m_field_name(field): obj})
        history_model.objects.bulk_create(
            history_model(history=record, **{name: getattr(row, name) for name in names})
            for row in rows
        )


def restore_children(obj, moment, user):
    """Put back the tips and sources a page had at ``moment``, removing ones added since."""
    for relation in child_relations(type(obj)):
        wanted = children_as_of(relation, obj.pk, moment)
        wanted_ids = {record.id for record in wanted}
        current = relation.related_model._default_manager.filter(**{relation.field.attname: obj.pk})
        for child in current.exclude(pk__in=wanted_ids):
            child._history_user = user
            child.delete()
        for record in wanted:
            child = record.instance
            child._history_user = user
            child.save()


@transaction.atomic
def restore_deleted(deletion, user, can_publish):
    """
    Bring back a deleted page from its deletion record, with the same id, its tips and sources
    and its links. It comes back as a draft unless the person restoring it may publish.
    """
    model = deletion.instance_type
    obj = deletion.instance
    before = (
        records_of(model, deletion.id)
        .filter(history_date__lt=deletion.history_date)
        .exclude(history_type="-")
        .first()
    )
    if not can_publish and hasattr(obj, "status"):
        obj.status = "draft"
    if hasattr(obj, "slug"):
        obj.slug = free_slug(model, obj.slug, model._meta.get_field("slug").max_length)
    obj._history_user = user
    obj._change_reason = _("Restored after it was deleted")
    obj.save(force_insert=True)
    if before is not None:
        restore_m2m(obj, before)
    for relation in child_relations(model):
        for record in children_deleted_with(relation, deletion):
            child = record.instance
            child._history_user = user
            child.save(force_insert=True)
    return obj


def children_deleted_with(relation, deletion):
    """The child rows (tips, sources) Django deleted together with the page."""
    manager = history_manager(relation.related_model)
    records = manager.filter(
        **{relation.field.attname: deletion.id},
        history_date__lte=deletion.history_date,
        history_date__gte=deletion.history_date - DELETION_WINDOW,
        history_type="-",
    )
    live = relation.related_model._default_manager.filter(
        pk__in=[record.id for record in records]
    ).values_list("pk", flat=True)
    return [record for record in records if record.id not in set(live)]


def free_slug(model, slug, max_length):
    """``slug``, or ``slug-restored``, ``slug-restored-2``… if another page took it meanwhile."""
    candidate, number = slug, 1
    while model._default_manager.filter(slug=candidate).exists():
        suffix = "-restored" if number == 1 else f"-restored-{number}"
        candidate = f"{slug[: max_length - len(suffix)]}{suffix}"
        number += 1
    return candidate
