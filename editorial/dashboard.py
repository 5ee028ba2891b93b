"""
The editorial dashboard: what needs a person's attention, on one staff page.

Clinical reviews that are overdue, due soon or never done; pages by reading age; resources whose
web address is broken or unchecked; phone and text numbers nobody has confirmed lately; broken
links on pages. It reads a few plain queries (articles, tip pages, resources, checked links: only
the columns it shows), so its query count stays the same however much content there is.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core import kinds
from core.checkedlinks import CheckedLink
from core.models import Status, add_months

from . import workflow
from .models import ReviewState
from .reviews import format_target

REVIEW_SOON_DAYS = 30
PHONE_CHECK_MONTHS = 6
# A section longer than this shows its first rows only (the counts are always complete).
ROWS_SHOWN = 100

PAGE_COLUMNS = (
    "pk",
    "title",
    "status",
    "last_reviewed",
    "next_review_due",
    "reading_age",
    "word_count",
    "owner__first_name",
    "owner__last_name",
    "owner__username",
)
RESOURCE_COLUMNS = (
    "pk",
    "name",
    "status",
    "url",
    "phone",
    "text_number",
    "last_checked",
    "link_status",
    "link_error",
    "link_checked_at",
)


@dataclass
class PageRow:
    kind: str
    title: str
    status: str
    last_reviewed: datetime.date | None
    next_review_due: datetime.date | None
    reading_age: object
    word_count: int
    owner: str
    change_url: str

    @property
    def is_draft(self):
        return self.status == Status.DRAFT

    @property
    def above_target(self):
        return self.reading_age is not None and self.reading_age > settings.READING_AGE_TARGET


@dataclass
class Section:
    slug: str
    title: str
    empty: str
    rows: list

    @property
    def count(self):
        return len(self.rows)

    @property
    def shown(self):
        return self.rows[:ROWS_SHOWN]


@dataclass
class TableSection(Section):
    """A section another app adds (``register_section``): a line of help, the column headings,
    and ``TableRow`` rows. The template draws it like the others."""

    help: str = ""
    columns: tuple = ()


@dataclass
class TableRow:
    title: str
    url: str
    cells: tuple


# Sections that apps above editorial add, as ``provider(request, today)`` -> a ``TableSection``
# or ``None`` (nothing to show this person). Each app registers its own in its
# ``AppConfig.ready()``, as content apps register their kinds (``core.kinds``): editorial
# never imports them.
_EXTRA_SECTIONS = []


def register_section(provider):
    """Show ``provider``'s section on the dashboard, after the built-in ones."""
    if provider not in _EXTRA_SECTIONS:
        _EXTRA_SECTIONS.append(provider)


def unregister_section(provider):
    if provider in _EXTRA_SECTIONS:
        _EXTRA_SECTIONS.remove(provider)


def extra_sections(request, today):
    """The registered sections for this request, in the order they were registered."""
    return [
        section for provider in _EXTRA_SECTIONS if (section := provider(request, today)) is not None
    ]


def _owner_name(row):
    # With no owner the joined columns are all None.
    full = f"{row['owner__first_name'] or ''} {row['owner__last_name'] or ''}".strip()
    return full or row["owner__username"] or ""


def reviewed_models():
    """The models of the clinically reviewed kinds (articles, tip pages)."""
    return [kind.model for kind in kinds.where(reviewed=True)]


def contact_models():
    """The models of the kinds with numbers and web addresses to check (resources)."""
    return [kind.model for kind in kinds.where(contact_details=True)]


def _change_url(model, pk):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[pk])


def page_rows():
    """Every article and tip page, with the columns the dashboard shows: one query per model."""
    rows = []
    for model in reviewed_models():
        opts = model._meta
        url_name = f"admin:{opts.app_label}_{opts.model_name}_change"
        for row in model.objects.order_by().values(*PAGE_COLUMNS):
            rows.append(
                PageRow(
                    kind=str(opts.verbose_name).capitalize(),
                    title=row["title"],
                    status=row["status"],
                    last_reviewed=row["last_reviewed"],
                    next_review_due=row["next_review_due"],
                    reading_age=row["reading_age"],
                    word_count=row["word_count"],
                    owner=_owner_name(row),
                    change_url=reverse(url_name, args=[row["pk"]]),
                )
            )
    return rows


def review_sections(rows, today):
    """Overdue, due within 30 days and never reviewed, most urgent first."""
    soon = today + datetime.timedelta(days=REVIEW_SOON_DAYS)
    dated = sorted((row for row in rows if row.next_review_due), key=lambda r: r.next_review_due)
    return [
        Section(
            "overdue",
            _("Clinical review overdue"),
            _("No page is overdue for review."),
            [row for row in dated if row.next_review_due < today],
        ),
        Section(
            "due-soon",
            _("Clinical review due in the next 30 days"),
            _("No page is due for review in the next 30 days."),
            [row for row in dated if today <= row.next_review_due <= soon],
        ),
        Section(
            "never-reviewed",
            _("Never clinically reviewed"),
            _("Every page has been clinically reviewed."),
            sorted((row for row in rows if not row.last_reviewed), key=lambda r: r.title.lower()),
        ),
    ]


def reading_age_section(rows):
    """Every measured page, hardest to read first."""
    measured = [row for row in rows if row.reading_age is not None]
    return Section(
        "reading-age",
        _("Pages by reading age"),
        _("No page has been measured yet."),
        sorted(measured, key=lambda r: (-r.reading_age, r.title.lower())),
    )


@dataclass
class ResourceRow:
    name: str
    status: str
    url: str
    phone: str
    text_number: str
    last_checked: datetime.date | None
    problem: str
    change_url: str


def resource_sections(today):
    """Broken or unchecked web addresses, and numbers not confirmed in the last six months."""
    phones_due = add_months(today, -PHONE_CHECK_MONTHS)
    links, numbers = [], []
    rows = [
        (model, row)
        for model in contact_models()
        for row in model.objects.values(*RESOURCE_COLUMNS)  # in the help page's order
    ]
    for model, row in rows:
        common = {key: row[key] for key in ("name", "status", "url", "phone", "text_number")} | {
            "last_checked": row["last_checked"],
            "change_url": _change_url(model, row["pk"]),
        }
        if row["url"]:
            problem = _link_problem(row)
            if problem:
                links.append(ResourceRow(problem=problem, **common))
        if (row["phone"] or row["text_number"]) and (
            row["last_checked"] is None or row["last_checked"] < phones_due
        ):
            problem = (
                _("never checked")
                if row["last_checked"] is None
                else _("last checked more than 6 months ago")
            )
            numbers.append(ResourceRow(problem=problem, **common))
    return [
        Section(
            "broken-links",
            _("Web addresses that are broken or not checked yet"),
            _("Every web address worked when it was last checked."),
            links,
        ),
        Section(
            "numbers-to-check",
            _("Phone and text numbers to check"),
            _("Every phone and text number was checked in the last 6 months."),
            numbers,
        ),
    ]


def _link_problem(row):
    if row["link_error"]:
        return _("broken: %(problem)s") % {"problem": row["link_error"]}
    if row["link_status"] is not None and row["link_status"] >= 400:
        return _("broken: the site answered with error %(status)s") % {"status": row["link_status"]}
    if row["link_checked_at"] is None:
        return _("not checked yet")
    return ""


def numbers_to_fix_section():
    """Resources whose phone or text number is not one clear number: they have no button."""
    resources = [
        resource
        for model in contact_models()
        for resource in model.objects.filter(numbers_need_fixing=True)
        .order_by("name")
        .only("name", "status", "url", "phone", "phone_note", "text_number", "last_checked")
    ]
    return Section(
        "numbers-to-fix",
        _("Phone numbers that need fixing"),
        _("Every phone and text number is one clear number that a button can dial."),
        [
            ResourceRow(
                name=resource.name,
                status=resource.status,
                url=resource.url,
                phone=resource.phone,
                text_number=resource.text_number,
                last_checked=resource.last_checked,
                problem=resource.number_problem,
                change_url=_change_url(type(resource), resource.pk),
            )
            for resource in resources
        ],
    )


@dataclass
class BrokenLinkRow:
    title: str
    change_url: str
    place: str
    text: str
    url: str
    problem: str
    since: datetime.datetime | None


def broken_page_links_section():
    """Links on published pages that the last ``check_links`` run found broken, page by page.

    A resource's own web address is left out: the section above lists those. One query for
    the links, and one per kind of page they are on for the titles.
    """
    listed_above = {
        (kind.model, str(kind.model._meta.get_field("url").verbose_name))
        for kind in kinds.where(contact_details=True)
    }
    by_type = {}
    for link in CheckedLink.objects.broken().order_by():
        by_type.setdefault(link.content_type_id, []).append(link)
    rows = []
    for content_type_id, links in by_type.items():
        kind = kinds.for_model(ContentType.objects.get_for_id(content_type_id).model_class())
        if kind is None:
            continue
        titles = dict(
            kind.model.objects.filter(pk__in={link.object_id for link in links}).values_list(
                "pk", kind.title_field
            )
        )
        rows.extend(
            BrokenLinkRow(
                title=titles[link.object_id],
                change_url=_change_url(kind.model, link.object_id),
                place=link.place,
                text=link.text,
                url=link.url,
                problem=link.problem,
                since=link.first_broken_at,
            )
            # A page deleted since the check is gone from the list (the next check tidies up).
            for link in links
            if link.object_id in titles and (kind.model, link.place) not in listed_above
        )
    return Section(
        "broken-page-links",
        _("Broken links on pages"),
        _("Every link on published pages worked when it was last checked."),
        sorted(rows, key=lambda row: (row.title.lower(), row.change_url, row.place, row.url)),
    )


@dataclass
class WaitingRow:
    kind: str
    title: str
    what: str
    submitted_by: str
    submitted_at: datetime.datetime
    note: str
    change_url: str
    decide_url: str
    ready: bool = False  # approved: a publisher puts it live


def waiting_section(user, waiting):
    """Drafts and pending changes in review that ``user`` may decide on, and for a publisher
    the approved ones to publish, oldest first; ``None`` for someone who decides on nothing."""
    if not any(workflow.may_decide(user, kind.model) for kind in kinds.all_kinds()):
        return None
    rows = [
        WaitingRow(
            kind=capfirst(page._meta.verbose_name),
            title=str(page),
            what=(
                _("approved, ready to publish")
                if review.state == ReviewState.APPROVED
                else _("change to a live page")
                if review.pending
                else _("draft")
            ),
            submitted_by=workflow.person(review.submitted_by),
            submitted_at=review.submitted_at,
            note=review.note,
            change_url=_change_url(type(page), page.pk),
            decide_url=reverse("editorial:decide_review", args=[page._meta.model_name, page.pk]),
            ready=review.state == ReviewState.APPROVED,
        )
        for review, page in waiting
    ]
    return Section(
        "waiting",
        _("Waiting for you"),
        _("Nothing is waiting for your review."),
        rows,
    )


@dataclass
class SentBackRow:
    kind: str
    title: str
    decided_by: str
    decided_at: datetime.datetime
    comment: str
    change_url: str


def sent_back_section(sent_back):
    """The pages the person submitted that came back with a comment; ``None`` when there are
    none (most days, for most people: the section then takes no room)."""
    rows = [
        SentBackRow(
            kind=capfirst(page._meta.verbose_name),
            title=str(page),
            decided_by=workflow.person(review.decided_by),
            decided_at=review.decided_at,
            comment=review.comment,
            change_url=_change_url(type(page), page.pk),
        )
        for review, page in sent_back
    ]
    if not rows:
        return None
    return Section("sent-back", _("Sent back to you"), "", rows)


def dashboard(request):
    """
    The editorial dashboard (template ``editorial/dashboard.html``), for staff only: it is
    wrapped in ``admin.site.admin_view`` in ``editorial/urls.py``.

    Context: ``sent_back`` and ``waiting`` (or ``None``), ``review_sections``, ``reading_age``,
    ``resource_sections``, ``broken_page_links`` and ``extra_sections`` (each a ``Section``
    with ``rows``, ``shown`` and ``count``), ``today``, ``target`` and ``rows_shown``.
    """
    today = timezone.localdate()
    rows = page_rows()
    reviews = review_sections(rows, today)
    reading_age = reading_age_section(rows)
    resources = resource_sections(today)
    page_links = broken_page_links_section()
    asked = workflow.for_person(request.user)
    waiting = waiting_section(request.user, asked["waiting"])
    sent_back = sent_back_section(asked["sent_back"])
    extra = extra_sections(request, today)
    context = {
        **admin.site.each_context(request),
        "title": _("Editorial dashboard"),
        "today": today,
        "target": format_target(),
        "above_target_count": sum(1 for row in reading_age.rows if row.above_target),
        "rows_shown": ROWS_SHOWN,
        "review_sections": reviews,
        "reading_age": reading_age,
        "resource_sections": resources,
        "numbers_to_fix": numbers_to_fix_section(),
        "broken_page_links": page_links,
        "waiting": waiting,
        "sent_back": sent_back,
        "extra_sections": extra,
        "all_sections": [
            *([sent_back] if sent_back else []),
            *([waiting] if waiting else []),
            *reviews,
            reading_age,
            *resources,
            page_links,
            *extra,
        ],
    }
    return TemplateResponse(request, "editorial/dashboard.html", context)
