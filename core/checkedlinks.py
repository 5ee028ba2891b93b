"""
What the last link check found for each outbound link on a published page.

``manage.py check_links`` (operations) writes these rows; the editorial dashboard and each page's
change form read them. The model lives in core so that editorial, which may not import
operations, can show them. A row is one link in one place on one page: the same address in a
page's body and in its sources is two rows, checked once.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Longer addresses are not checked (and not stored): no real link needs more.
MAX_URL_LENGTH = 2000


class CheckedLinkQuerySet(models.QuerySet):
    def broken(self):
        """Links whose last check failed or got an error status back."""
        return self.filter(Q(status__gte=400) | ~Q(error=""))

    def on_page(self, page):
        """The links found on ``page`` (any content object)."""
        return self.filter(content_type=ContentType.objects.get_for_model(page), object_id=page.pk)


class CheckedLink(models.Model):
    """One link on one page, and what its address answered when last checked."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("kind of page")
    )
    object_id = models.PositiveBigIntegerField(_("page id"))
    page = GenericForeignKey("content_type", "object_id")
    # Where on the page an editor finds it: "body", "source: NHS, crying", "tip 3".
    place = models.CharField(_("where"), max_length=300)
    text = models.CharField(_("link text"), max_length=300, blank=True)
    url = models.CharField(_("web address"), max_length=MAX_URL_LENGTH)
    status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=200, blank=True)
    checked_at = models.DateTimeField(_("checked"))
    # When it started failing; cleared once it works again, so "since" stays honest.
    first_broken_at = models.DateTimeField(_("broken since"), null=True, blank=True)

    objects = CheckedLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("checked link")
        verbose_name_plural = _("checked links")
        ordering = ["content_type", "object_id", "place", "url"]
        # Also the index the change form and the check look a page's links up by.
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "place", "url"], name="checked_link_unique"
            )
        ]

    def __str__(self):
        return self.url

    @property
    def is_broken(self):
        return bool(self.error) or (self.status is not None and self.status >= 400)

    @property
    def problem(self):
        """What went wrong, in words staff understand ("" when the link works)."""
        if self.error:
            return self.error
        if self.status is not None and self.status >= 400:
            return _("the site answered with error %(status)s") % {"status": self.status}
        return ""
