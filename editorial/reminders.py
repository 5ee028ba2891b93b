"""
Who to remind about clinical reviews, and what the reminder says (``send_review_reminders``).

A page whose review is overdue or due within 30 days goes to its owner. A page with nobody to
tell (no owner, or an owner with no e-mail address or whose account is switched off) goes to
every active member of the Clinical reviewer group instead, so that no page is forgotten. Each
person gets one e-mail listing all their pages.
"""

import datetime
import textwrap
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .dashboard import REVIEW_SOON_DAYS, reviewed_models
from .roles import CLINICAL_REVIEWER


@dataclass
class DuePage:
    kind: str
    title: str
    next_review_due: datetime.date
    admin_url: str
    owner: object

    def is_overdue(self, today):
        return self.next_review_due < today


@dataclass
class Reminder:
    user: object
    own_pages: list = field(default_factory=list)
    unowned_pages: list = field(default_factory=list)


def pages_due(today):
    """Articles and tip pages whose review is overdue or due within 30 days, soonest first."""
    soon = today + datetime.timedelta(days=REVIEW_SOON_DAYS)
    pages = []
    for model in reviewed_models():
        opts = model._meta
        url_name = f"admin:{opts.app_label}_{opts.model_name}_change"
        queryset = (
            model.objects.filter(next_review_due__lte=soon)
            .select_related("owner")
            .only("pk", "title", "next_review_due", "owner")
        )
        for page in queryset:
            pages.append(
                DuePage(
                    kind=str(opts.verbose_name),
                    title=page.title,
                    next_review_due=page.next_review_due,
                    admin_url=settings.SITE_URL + reverse(url_name, args=[page.pk]),
                    owner=page.owner,
                )
            )
    return sorted(pages, key=lambda page: (page.next_review_due, page.title.lower()))


def _can_be_told(user):
    return user is not None and user.is_active and bool(user.email)


def plan_reminders(today):
    """One ``Reminder`` per person to e-mail, in the order of their e-mail addresses."""
    reminders = {}
    reviewers = None
    for page in pages_due(today):
        if _can_be_told(page.owner):
            reminders.setdefault(page.owner.pk, Reminder(page.owner)).own_pages.append(page)
            continue
        if reviewers is None:
            reviewers = list(
                get_user_model()
                .objects.filter(groups__name=CLINICAL_REVIEWER, is_active=True)
                .exclude(email="")
                .distinct()
            )
        for reviewer in reviewers:
            if _can_be_told(reviewer):
                reminders.setdefault(reviewer.pk, Reminder(reviewer)).unowned_pages.append(page)
    return sorted(reminders.values(), key=lambda reminder: reminder.user.email.lower())


def _page_lines(pages, today):
    lines = []
    for page in pages:
        due = date_format(page.next_review_due, "j F Y")
        if page.is_overdue(today):
            when = _("Review was due on %(date)s") % {"date": due}
        else:
            when = _("Review due on %(date)s") % {"date": due}
        lines += [f"- {page.title} ({page.kind})", f"  {when}", f"  {page.admin_url}", ""]
    return lines


def _paragraph(text):
    """Wrapped for plain-text mail readers, which do not wrap long lines themselves."""
    return [textwrap.fill(text, width=72, break_long_words=False, break_on_hyphens=False), ""]


def compose(reminder, today):
    """The plain-text e-mail for one person."""
    count = len(reminder.own_pages) + len(reminder.unowned_pages)
    subject = ngettext(
        "%(site)s: %(count)d page is due for clinical review",
        "%(site)s: %(count)d pages are due for clinical review",
        count,
    ) % {"site": settings.SITE_NAME, "count": count}
    name = reminder.user.first_name or reminder.user.get_username()
    lines = [
        _("Hello %(name)s,") % {"name": name},
        "",
        *_paragraph(
            _(
                "This is a friendly reminder from %(site)s. Health information needs a fresh "
                "look from a clinical reviewer from time to time. The pages below are due for "
                "their review in the next %(days)d days, or their review date has already "
                "passed. Parents can see these dates at the end of each page."
            )
            % {"site": settings.SITE_NAME, "days": REVIEW_SOON_DAYS}
        ),
    ]
    if reminder.own_pages:
        lines += [_("Pages you look after:"), "", *_page_lines(reminder.own_pages, today)]
    if reminder.unowned_pages:
        lines += [
            *_paragraph(
                _(
                    "Pages with nobody looking after them. Everyone in the Clinical reviewer "
                    "group gets these until an editor sets an owner on the page:"
                )
            ),
            *_page_lines(reminder.unowned_pages, today),
        ]
    lines += [
        *_paragraph(
            _(
                "Once a clinical reviewer has checked a page, they can record it: tick the "
                'page in its list in the admin and choose "Mark as clinically reviewed '
                'today". If the page needs changes first, that is fine: make them, then '
                "record the review."
            )
        ),
        _("Everything that needs checking is on the editorial dashboard:"),
        settings.SITE_URL + reverse("editorial:dashboard"),
        "",
        _("Thank you for helping to keep %(site)s safe and up to date.")
        % {"site": settings.SITE_NAME},
    ]
    return EmailMessage(subject=subject, body="\n".join(lines), to=[reminder.user.email])
