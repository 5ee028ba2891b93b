"""
What the editorial workflow keeps beside the pages themselves.

- ``PendingChange``: an edit to a live page that parents do not see yet. It is the page's change
  form as it was sent (the fields and the rows edited inside it), so publishing it runs exactly
  the save an editor's form would have run, with every check, the history, redirects and the
  page cache (``editorial.pending``).
- ``ReviewRequest``: where a draft, or a pending change, is in review (one per page).
- ``WorkflowStep``: every step (submitted, approved, sent back, a pending change saved,
  published or discarded), for the page's history and "Recent changes".
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

NOTE_LENGTH = 500
COMMENT_LENGTH = 1000


class PageReference(models.Model):
    """A row about one page of any kind (``core.kinds``)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveIntegerField()
    page = GenericForeignKey("content_type", "object_id")

    class Meta:
        abstract = True


class PendingChange(PageReference):
    """A change to a live page, saved but not published: parents still see the live version."""

    data = models.JSONField(
        _("form data"), help_text=_("The change form as sent: each field's list of values.")
    )
    fields = models.JSONField(
        _("fields"), help_text=_("The page's fields the form could change, for publishing it.")
    )
    # The live page's version this change was made from: if the live page is saved meanwhile,
    # publishing stops and shows what changed (optimistic locking, as for any save).
    base_version = models.PositiveIntegerField(_("made from version"))
    # Goes up with every save of the pending change itself (two editors on one pending change).
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)

    class Meta:
        verbose_name = _("pending change")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_pending_change_per_page"
            )
        ]

    def __str__(self):
        return _("Pending change to %(page)s") % {"page": self.page}


class ReviewState(models.TextChoices):
    IN_REVIEW = "in_review", _("In review")
    SENT_BACK = "sent_back", _("Sent back")
    APPROVED = "approved", _("Approved")


class ReviewRequest(PageReference):
    """A draft, or the pending change to a live page, handed to reviewers and publishers."""

    pending = models.BooleanField(
        _("pending change"), default=False, help_text=_("The pending change, not the draft.")
    )
    state = models.CharField(_("state"), max_length=20, choices=ReviewState.choices)
    # The page's version (a draft) or the pending change's version (a pending change) that was
    # submitted, then approved: an approval covers that version and nothing saved after it.
    version = models.PositiveIntegerField(_("version"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"))
    note = models.CharField(_("note"), max_length=NOTE_LENGTH, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True)
    comment = models.CharField(_("comment"), max_length=COMMENT_LENGTH, blank=True)
    # Approved by someone who may record a clinical review, naming who reviewed (name and role).
    clinically_reviewed_by = models.CharField(_("clinical reviewer"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("review request")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_review_request_per_page"
            )
        ]
        indexes = [models.Index(fields=["state", "submitted_at"])]

    def __str__(self):
        return _("Review of %(page)s") % {"page": self.page}


class StepKind(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted for review")
    APPROVED = "approved", _("Approved")
    SENT_BACK = "sent_back", _("Sent back")
    PENDING_SAVED = "pending_saved", _("Saved a pending change")
    PENDING_PUBLISHED = "pending_published", _("Published the pending change")
    PENDING_DISCARDED = "pending_discarded", _("Discarded the pending change")


class WorkflowStep(PageReference):
    """One step of the workflow, kept for the page's history and the audit of recent changes."""

    kind = models.CharField(_("what happened"), max_length=20, choices=StepKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    note = models.CharField(_("note"), max_length=COMMENT_LENGTH, blank=True)

    class Meta:
        verbose_name = _("workflow step")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.page}"
