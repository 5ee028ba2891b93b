"""
"Was this page helpful?": the answers and the comments left after them.

An answer is the page, yes or no, and the time: nothing about who gave it (no address, no
cookie, no account). A comment is short text left after an answer, with e-mail addresses and
phone numbers taken out before it is saved (``feedback.scrub``); comments are deleted after
``settings.FEEDBACK_RETENTION_DAYS`` by ``manage.py prune_feedback``, while the answers stay to
count.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Room for "tip_page:123456789012" and "help:northern-ireland".
PAGE_MAX_LENGTH = 40
COMMENT_MAX_LENGTH = 500


class Answer(models.Model):
    """One "Yes" or "No" on one page."""

    # Which page: "article:12", "tip_page:3", "help" or "help:wales" (``feedback.pages``).
    page = models.CharField(_("page"), max_length=PAGE_MAX_LENGTH, db_index=True)
    helpful = models.BooleanField(_("helpful"))
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.page}: {_('yes') if self.helpful else _('no')}"


class Comment(models.Model):
    """What someone was looking for, left after their answer (one per answer)."""

    answer = models.OneToOneField(
        Answer, on_delete=models.CASCADE, related_name="comment", verbose_name=_("answer")
    )
    text = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    dealt_with = models.BooleanField(_("dealt with"), default=False)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.text[:60]
