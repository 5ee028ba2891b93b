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
from dataclasses import dataclass
from functools import cached_property
from itertools import zip_longest

from django.core.exceptions import ObjectDoesNotExist
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from simple_history.utils import get_m2m_field_name

from core.richtext import BLOCK_END, html_to_text

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
WORD = re.compile(r"\S+\s*|\s+")


@dataclass
class FieldChange:
    """One field that differs between two revisions, ready to show."""

    name: str
    label: str
    old: str
    new: str

    @cached_property
    def highlighted(self):
        return highlight_words(self.old, self.new)

    @property
    def old_html(self):
        return self.highlighted.old

    @property
    def new_html(self):
        return self.highlighted.new

    @property
    def summary(self):
        return self.highlighted.summary


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
        blocks = (html_to_text(block) for block in BLOCK_END.split(text))
        text = "\n".join(block for block in blocks if block)
    return text


def m2m_targets(record, field):
    """The objects a many-to-many field pointed at in ``record`` (a history record or a page)."""
    if not hasattr(record, "history_id"):
        return list(getattr(record, field.name).all())
    if field.name not in {f.name for f in record._history_m2m_fields}:
        return []
    target = field.m2m_reverse_field_name()
    ids = [row[f"{target}_id"] for row in getattr(record, field.name).values(f"{target}_id")]
    return list(field.related_model._default_manager.filter(pk__in=ids))


def changes_between(model, old, new):
    """The fields that differ from revision ``old`` to ``new`` (either may be the live page)."""
    changes = []
    for field in compared_fields(model):
        before, after = field_value_text(old, field), field_value_text(new, field)
        if before != after:
            changes.append(FieldChange(field.name, capfirst(field.verbose_name), before, after))
    return changes


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


def highlight_words(old, new):
    """
    ``old`` and ``new`` as HTML, escaped, with removed words in <del> and added in <ins>.

    Paragraphs (lines) are matched first; words are compared only inside paragraphs that
    differ, within ``MAX_WORD_PAIRS`` and ``MAX_WORDS_COMPARED``. Past those, whole paragraphs
    are marked and ``summary`` says how many changed.

    Everything is escaped with the standard library's ``html.escape`` (what Django's ``escape``
    does, without its per-call wrapping, which is slow over thousands of short pieces) and
    marked safe once, at the end.
    """
    old_lines, new_lines = old.split("\n"), new.split("\n")
    old_html, new_html = [], []
    budget = MAX_WORDS_COMPARED
    changed = 0
    whole_paragraphs = False
    for tag, a1, a2, b1, b2 in line_opcodes(old_lines, new_lines):
        if tag == "equal":
            old_html.append(html.escape("\n".join(old_lines[a1:a2])))
            new_html.append(html.escape("\n".join(new_lines[b1:b2])))
            continue
        changed += max(a2 - a1, b2 - b1)
        for before, after in paired_lines(old_lines[a1:a2], new_lines[b1:b2]):
            if after is None:
                old_html.append(mark(before, "del"))
            elif before is None:
                new_html.append(mark(after, "ins"))
            elif before == after:
                old_html.append(html.escape(before))
                new_html.append(html.escape(after))
            else:
                before_words, after_words = WORD.findall(before), WORD.findall(after)
                size = len(before_words) + len(after_words)
                if len(before_words) * len(after_words) <= MAX_WORD_PAIRS and size <= budget:
                    budget -= size
                    marked_old, marked_new = mark_words(before_words, after_words)
                else:
                    whole_paragraphs = True
                    marked_old, marked_new = mark(before, "del"), mark(after, "ins")
                old_html.append(marked_old)
                new_html.append(marked_new)
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


def paired_lines(old, new):
    """
    The lines of a changed stretch as (old, new) pairs, in order: each old paragraph with the
    new one most like it (sharing at least half their words), and ``None`` beside a paragraph
    taken out or put in. One line against one (a title, a summary) is always compared word by
    word; a long stretch is paired in order, one old with one new.
    """
    if len(old) * len(new) == 1 or len(old) * len(new) > MAX_LINES_PAIRED:
        return list(zip_longest(old, new))
    old_words = [set(line.split()) for line in old]
    new_words = [set(line.split()) for line in new]

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
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
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


def child_text(record):
    fields = [
        f for f in compared_fields(record.instance_type) if not isinstance(f, models.ForeignKey)
    ]
    return " / ".join(value_text(getattr(record, f.attname)) for f in fields)


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
    """Tips or sources that differ between two moments, as one change per kind of row."""
    changes = []
    for relation in child_relations(model):
        before = [child_text(r) for r in children_as_of(relation, pk, old_moment)]
        after = [child_text(r) for r in children_as_of(relation, pk, new_moment)]
        if before != after:
            label = capfirst(relation.related_model._meta.verbose_name_plural)
            changes.append(FieldChange(relation.name, label, "\n".join(before), "\n".join(after)))
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
