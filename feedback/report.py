"""
What staff see of the answers: per page, "Yes" and "No" over the last 30 and 90 days and the
comments not yet dealt with (the admin's report, its CSV, and a section of the editorial
dashboard). Every figure is a count: nothing in it is about a person.
"""

import csv
import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial.dashboard import TableRow, TableSection

from . import pages
from .models import Answer, Comment

PERIODS = (30, 90)
# The dashboard lists this many pages at most.
DASHBOARD_ROWS = 10


@dataclass
class PageReport:
    page: str
    title: str
    url: str
    kind: str
    yes_30: int = 0
    no_30: int = 0
    yes_90: int = 0
    no_90: int = 0
    open_comments: int = 0

    @property
    def comments_url(self):
        return f"{reverse('admin:feedback_comment_changelist')}?page={self.page}"

    @property
    def answers_url(self):
        return f"{reverse('admin:feedback_answer_changelist')}?page={self.page}"


def page_reports(now=None):
    """Every page with an answer in the last 90 days or a comment not dealt with, most "No"
    answers in the last 30 days first: three queries, however many answers there are."""
    now = now or timezone.now()
    since = {days: now - datetime.timedelta(days=days) for days in PERIODS}
    counts = (
        Answer.objects.filter(created_at__gte=since[90])
        .order_by()
        .values("page")
        .annotate(
            yes_30=Count("pk", filter=Q(helpful=True, created_at__gte=since[30])),
            no_30=Count("pk", filter=Q(helpful=False, created_at__gte=since[30])),
            yes_90=Count("pk", filter=Q(helpful=True)),
            no_90=Count("pk", filter=Q(helpful=False)),
        )
    )
    rows = {row["page"]: row for row in counts}
    open_comments = dict(
        Comment.objects.filter(dealt_with=False)
        .order_by()
        .values("answer__page")
        .annotate(count=Count("pk"))
        .values_list("answer__page", "count")
    )
    keys = sorted(set(rows) | set(open_comments))
    described = pages.describe(keys)
    reports = []
    for key in keys:
        title, url, kind = described[key]
        numbers = {name: value for name, value in rows.get(key, {}).items() if name != "page"}
        reports.append(
            PageReport(key, title, url, kind, open_comments=open_comments.get(key, 0), **numbers)
        )
    reports.sort(key=lambda r: (-r.no_30, -r.no_90, -r.open_comments, r.title.lower()))
    return reports


# Spreadsheets run a cell that starts like a formula; text from the public must stay text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


def write_csv(response, header, rows):
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return response


def report_csv_rows(reports):
    header = [
        _("Page"),
        _("Kind"),
        _("Address"),
        _("Yes, last 30 days"),
        _("No, last 30 days"),
        _("Yes, last 90 days"),
        _("No, last 90 days"),
        _("Comments not dealt with"),
    ]
    rows = [
        [r.title, r.kind, r.url, r.yes_30, r.no_30, r.yes_90, r.no_90, r.open_comments]
        for r in reports
    ]
    return header, rows


def dashboard_section(request, today):
    """The pages with the most "No" answers in the last 30 days, for staff who may see
    feedback (registered in ``FeedbackConfig.ready()``): one query for the counts, and one
    per kind of page listed for the titles."""
    if not request.user.has_perm("feedback.view_answer"):
        return None
    counts = list(
        Answer.objects.filter(created_at__gte=timezone.now() - datetime.timedelta(days=30))
        .order_by()
        .values("page")
        .annotate(
            no=Count("pk", filter=Q(helpful=False)),
            yes=Count("pk", filter=Q(helpful=True)),
            to_read=Count("comment", filter=Q(comment__dealt_with=False)),
        )
        .filter(no__gt=0)
        .order_by("-no", "yes", "page")[:DASHBOARD_ROWS]
    )
    described = pages.describe([row["page"] for row in counts])
    rows = []
    for row in counts:
        title, _url, kind = described[row["page"]]
        comments_url = f"{reverse('admin:feedback_comment_changelist')}?page={row['page']}"
        rows.append(TableRow(title, comments_url, (kind, row["no"], row["yes"], row["to_read"])))
    return TableSection(
        "feedback-no",
        gettext_lazy("Pages people said did not help"),
        gettext_lazy('No page had a "No" answer to "Was this page helpful?" in the last 30 days.'),
        rows,
        help=gettext_lazy(
            'The pages with the most "No" answers in the last 30 days (up to 10). Each title '
            "opens its comments; the full report is under Page feedback, Answers."
        ),
        columns=(
            gettext_lazy("Page"),
            gettext_lazy("Kind"),
            gettext_lazy('"No", 30 days'),
            gettext_lazy('"Yes", 30 days'),
            gettext_lazy("Comments to read"),
        ),
    )
