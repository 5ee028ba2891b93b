"""
The review workflow: a draft, or the pending change to a live page, is submitted for review;
a clinical reviewer or a publisher approves it or sends it back with a comment.

Each step is a ``WorkflowStep`` (the page's history and "Recent changes" show it), and people are
told by e-mail: the reviewers and publishers when something is submitted, the person who
submitted it when it is decided. With ``settings.REQUIRE_CLINICAL_APPROVAL`` a reviewed kind of
page (``core.kinds``) is published only once someone who may record a clinical review has
approved the very version being published.
"""

import logging
import textwrap

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import kinds
from core.models import Status

from . import pending as pending_changes
from .models import ReviewRequest, ReviewState, StepKind
from .reviews import mark_reviewed
from .roles import CLINICAL_REVIEWER, PUBLISHER

logger = logging.getLogger(__name__)


def perm(kind_or_model, action):
    opts = kind_or_model._meta
    return f"{opts.app_label}.{action}_{opts.model_name}"


def may_decide(user, model):
    """Clinical reviewers (on reviewed kinds) and publishers approve or send back."""
    kind = kinds.for_model(model)
    return user.has_perm(perm(model, "publish")) or (
        kind is not None and kind.reviewed and user.has_perm(perm(model, "review"))
    )


def may_publish(user, model):
    return user.has_perm(perm(model, "publish"))


def may_approve(user, model):
    """Whether ``user``'s approval means anything: with ``settings.REQUIRE_CLINICAL_APPROVAL``
    only a clinical reviewer's approval lets a reviewed kind of page be published, so others
    may only send it back."""
    kind = kinds.for_model(model)
    if settings.REQUIRE_CLINICAL_APPROVAL and kind is not None and kind.reviewed:
        return may_record_review(user, model)
    return may_decide(user, model)


def may_record_review(user, model):
    kind = kinds.for_model(model)
    return kind is not None and kind.reviewed and user.has_perm(perm(model, "review"))


def request_for(obj):
    if obj is None or obj.pk is None:
        return None
    return (
        ReviewRequest.objects.filter(
            content_type=pending_changes.content_type_of(obj), object_id=obj.pk
        )
        .select_related("submitted_by", "decided_by")
        .first()
    )


def reviewed_version(obj, pending):
    """The version a review is about: the pending change's, or else the page's own."""
    return pending.version if pending is not None else obj.version


def covers(review, obj, pending):
    """Whether ``review`` is about what is there now (not an older save of it)."""
    return (
        review is not None
        and review.pending == (pending is not None)
        and review.version == reviewed_version(obj, pending)
    )


def submit(obj, user, note):
    """Put ``obj`` (its pending change if it has one) in review, and tell the reviewers."""
    pending = pending_changes.pending_for(obj)
    review, _created = ReviewRequest.objects.update_or_create(
        content_type=pending_changes.content_type_of(obj),
        object_id=obj.pk,
        defaults={
            "pending": pending is not None,
            "state": ReviewState.IN_REVIEW,
            "version": reviewed_version(obj, pending),
            "submitted_by": user,
            "submitted_at": timezone.now(),
            "note": note,
            "decided_by": None,
            "decided_at": None,
            "comment": "",
            "clinically_reviewed_by": "",
        },
    )
    pending_changes.record_step(obj, StepKind.SUBMITTED, user, note)
    people = deciders(type(obj)).exclude(pk=user.pk)
    send_later([submitted_mail(obj, review, recipient) for recipient in people])
    return review


def decide(obj, user, *, approve, comment, reviewed_by=""):
    """Approve or send back the review of ``obj``. Approving with a reviewer's name records a
    clinical review: on a draft now, on a pending change when it is published."""
    review = request_for(obj)
    pending = pending_changes.pending_for(obj)
    if review is None or review.state != ReviewState.IN_REVIEW:
        return None
    with transaction.atomic():
        if approve and reviewed_by and pending is None:
            mark_reviewed([obj], reviewed_by, user)  # a new version of the page: approved too
        review.state = ReviewState.APPROVED if approve else ReviewState.SENT_BACK
        review.version = reviewed_version(obj, pending)
        review.decided_by = user
        review.decided_at = timezone.now()
        review.comment = comment
        review.clinically_reviewed_by = reviewed_by if approve else ""
        review.save()
        step = StepKind.APPROVED if approve else StepKind.SENT_BACK
        note = comment
        if approve and reviewed_by:
            note = _("Clinical review by %(who)s. %(comment)s") % {
                "who": reviewed_by,
                "comment": comment,
            }
        pending_changes.record_step(obj, step, user, note.strip())
    told = {user.pk}
    messages = []
    if review.submitted_by is not None and review.submitted_by.pk not in told:
        messages.append(decided_mail(obj, review, review.submitted_by))
        told.add(review.submitted_by.pk)
    if approve:  # the publishers put it live
        messages += [
            decided_mail(obj, review, publisher) for publisher in publishers().exclude(pk__in=told)
        ]
    send_later(messages)
    return review


def approval_problem(obj, pending=None):
    """Why ``obj`` (or its pending change) may not be published yet, or ``""``."""
    if not settings.REQUIRE_CLINICAL_APPROVAL:
        return ""
    kind = kinds.for_model(type(obj))
    if kind is None or not kind.reviewed:
        return ""
    review = request_for(obj) if obj.pk else None
    if (
        review is not None
        and review.state == ReviewState.APPROVED
        and review.clinically_reviewed_by
        and covers(review, obj, pending)
    ):
        return ""
    return _(
        "This site publishes articles and tip pages only after a clinical reviewer has approved "
        "them. Submit it for review; once a clinical reviewer approves this version, it can be "
        "published."
    )


def apply_approved_review(obj, review, user):
    """After a pending change goes live: record the clinical review its approval gave."""
    approved = review is not None and review.state == ReviewState.APPROVED
    if approved and review.clinically_reviewed_by:
        mark_reviewed([obj], review.clinically_reviewed_by, user)


def for_person(user):
    """What the workflow asks of ``user``, oldest first, as lists of (review, page) pairs:
    ``waiting`` (pages in review they may decide on, and for a publisher the approved ones to
    publish) and ``sent_back`` (pages they submitted that came back). One read of the reviews,
    and one of the pages per kind."""
    reviews = list(
        ReviewRequest.objects.filter(
            Q(state__in=[ReviewState.IN_REVIEW, ReviewState.APPROVED])
            | Q(state=ReviewState.SENT_BACK, submitted_by=user)
        )
        .select_related("submitted_by", "decided_by", "content_type")
        .order_by("submitted_at", "pk")
    )
    waiting, sent_back = [], []
    for review, page in _with_pages(reviews):
        model = type(page)
        if review.state == ReviewState.SENT_BACK:
            sent_back.append((review, page))
            continue
        # A page in review waits for whoever decides; an approved one for the publishers.
        asks = may_decide if review.state == ReviewState.IN_REVIEW else may_publish
        if asks(user, model):
            waiting.append((review, page))
    sent_back.sort(key=lambda pair: pair[0].decided_at or pair[0].submitted_at)
    return {"waiting": waiting, "sent_back": sent_back}


def _with_pages(reviews):
    """Each review with its page, in order; reviews of pages that are gone are left out."""
    pages = {}
    by_type = {}
    for review in reviews:
        by_type.setdefault(review.content_type, []).append(review.object_id)
    for content_type, ids in by_type.items():
        model = content_type.model_class()
        if model is not None:
            for pk, page in model._default_manager.in_bulk(ids).items():
                pages[content_type.pk, pk] = page
    return [
        (review, pages[review.content_type_id, review.object_id])
        for review in reviews
        if (review.content_type_id, review.object_id) in pages
    ]


def page_saved(sender, instance, **kwargs):
    """A draft that goes live has used its review: the box stops showing it, and the next
    change to the live page starts a review of its own."""
    if kinds.for_model(sender) is not None and instance.status == Status.PUBLISHED:
        ReviewRequest.objects.filter(
            content_type=pending_changes.content_type_of(instance),
            object_id=instance.pk,
            pending=False,
        ).delete()


def is_draft_or_pending(obj, pending):
    return pending is not None or obj.status != Status.PUBLISHED


# E-mail -----------------------------------------------------------------------------------------


def publishers():
    """Active publishers with an e-mail address."""
    return (
        get_user_model()
        .objects.filter(groups__name=PUBLISHER, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("email")
    )


def deciders(model):
    """Active people in the groups that decide on ``model``, with an e-mail address."""
    kind = kinds.for_model(model)
    groups = [PUBLISHER, *([CLINICAL_REVIEWER] if kind is not None and kind.reviewed else [])]
    return (
        get_user_model()
        .objects.filter(Q(groups__name__in=groups), is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("email")
    )


def change_url(obj):
    opts = obj._meta
    return settings.SITE_URL + reverse(
        f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]
    )


def _paragraph(text):
    return textwrap.fill(text, width=72, break_long_words=False, break_on_hyphens=False)


def submitted_mail(obj, review, recipient):
    who = person(review.submitted_by)
    what = _("a change to the live page") if review.pending else _("the draft")
    lines = [
        _("Hello %(name)s,") % {"name": recipient.first_name or recipient.get_username()},
        "",
        _paragraph(
            _("%(who)s has submitted %(what)s “%(title)s” for review.")
            % {"who": who, "what": what, "title": obj}
        ),
        "",
    ]
    if review.note:
        lines += [_("Their note:"), _paragraph(review.note), ""]
    lines += [
        _("Open it to approve it or send it back:"),
        settings.SITE_URL + reverse("editorial:decide_review", args=[obj._meta.model_name, obj.pk]),
        "",
        _("Everything waiting for you is on the editorial dashboard:"),
        settings.SITE_URL + reverse("editorial:dashboard"),
    ]
    subject = _("%(site)s: “%(title)s” is waiting for review") % {
        "site": settings.SITE_NAME,
        "title": obj,
    }
    return EmailMessage(subject=subject, body="\n".join(lines), to=[recipient.email])


def decided_mail(obj, review, recipient):
    approved = review.state == ReviewState.APPROVED
    lines = [
        _("Hello %(name)s,") % {"name": recipient.first_name or recipient.get_username()},
        "",
        _paragraph(
            (
                _("%(who)s approved “%(title)s”.")
                if approved
                else _("%(who)s sent “%(title)s” back for changes.")
            )
            % {"who": person(review.decided_by), "title": obj}
        ),
        "",
    ]
    if review.comment:
        lines += [_("Their comment:"), _paragraph(review.comment), ""]
    lines += [_("Open the page:"), change_url(obj)]
    subject = (
        _("%(site)s: “%(title)s” was approved")
        if approved
        else _("%(site)s: “%(title)s” was sent back")
    ) % {"site": settings.SITE_NAME, "title": obj}
    if not recipient.is_active or not recipient.email:
        return None
    return EmailMessage(subject=subject, body="\n".join(lines), to=[recipient.email])


def send_later(messages):
    """Send once the step is saved; a mail server that is down never undoes the step."""
    messages = [message for message in messages if message is not None]
    if not messages:
        return

    def send():
        try:
            with mailers.default as connection:
                connection.send_messages(messages)
        except OSError:
            logger.exception("Could not send %d workflow e-mails", len(messages))

    transaction.on_commit(send)


def person(user):
    """How a member of staff is named on the editorial screens and in e-mails."""
    if user is None:
        return _("the system")
    return user.get_full_name() or user.get_username()
