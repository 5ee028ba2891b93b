"""
What every kind of content is made of: abstract model bases shared by the content apps.

What a parent may see is decided in one place, ``PublishableQuerySet.published()``: every
public view, feed and sitemap asks it, and nothing else filters on status by hand. Fields that
are worked out from what editors write (clean HTML, plain text, reading age) are filled by each
model's ``derive()``, which ``save()`` and ``manage.py refresh_derived`` both call.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import FETCH_PEERS
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import images
from .checkedlinks import CheckedLink as CheckedLink  # core's one concrete model
from .uploads import SafeImageField


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def for_lists(self):
        """Without the long texts that lists, cards and search results never show."""
        long_texts = {"body", "body_text", "in_brief"}
        return self.defer(
            *(field.name for field in self.model._meta.concrete_fields if field.name in long_texts)
        )

    def published(self):
        """Content a parent may see: published, and its publish time has come."""
        # FETCH_PEERS: if a template touches a relation the view forgot to load, Django
        # loads it for the whole list at once instead of once per item.
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now()).fetch_mode(
            FETCH_PEERS
        )


class PublishableManager(models.Manager.from_queryset(PublishableQuerySet)):
    pass


class Publishable(models.Model):
    """Fields shared by everything an editor drafts and publishes."""

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Drafts are never shown to the public."),
    )
    published_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_(
            "When the page goes live. Leave empty to publish now; set a future time to "
            "schedule it. A published page with a future time stays hidden until then."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    is_starter = models.BooleanField(
        _("starter content"),
        default=False,
        editable=False,
        help_text=_("Shipped with the software: review it before launch."),
    )
    # Goes up by one with every save; an editor whose form holds an older number is behind
    # someone else's save (optimistic locking, see the admin).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = PublishableManager()

    # The fields ``derive()`` fills in; ``manage.py refresh_derived`` writes only these.
    derived_fields = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.derive()
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        # Every full save is a new version (a save of a few named fields, such as picture
        # copies made in the background, is not an editor's change and leaves it alone).
        if not self._state.adding and kwargs.get("update_fields") is None:
            self.version += 1
        super().save(*args, **kwargs)

    def derive(self):
        """Work out the fields that follow from what editors write (a model with any says so)."""

    @property
    def is_public(self):
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


class ClinicallyReviewed(models.Model):
    """Who wrote and who clinically reviewed a page, and when it is next due."""

    author = models.CharField(
        _("author"),
        max_length=200,
        blank=True,
        help_text=_("Who wrote this page, e.g. 'Little Voices editorial team'."),
    )
    reviewed_by = models.CharField(
        _("clinical reviewer"),
        max_length=200,
        blank=True,
        help_text=_("Name and role, e.g. 'Dr Sam Lee, clinical psychologist'."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
        help_text=_("The member of staff who looks after this page and gets review reminders."),
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    next_review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty to set it 12 months after the last review. It is also reset when "
            "you record a newer review."
        ),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # A due date on or before the last review is stale: a new review was just recorded.
        if self.last_reviewed and (
            not self.next_review_due or self.next_review_due <= self.last_reviewed
        ):
            self.next_review_due = add_months(self.last_reviewed, settings.REVIEW_INTERVAL_MONTHS)
        super().save(*args, **kwargs)

    @property
    def is_due_for_review(self):
        """Its review date has passed, so the public page says so (the page cache ends on the
        day after that date: ``core.contentversion.next_review_overdue``)."""
        return self.next_review_due is not None and self.next_review_due < timezone.localdate()


class Readable(models.Model):
    """How hard a page is to read, measured whenever it is saved (see ``core.readability``)."""

    reading_age = models.DecimalField(
        _("reading age"), max_digits=4, decimal_places=1, null=True, blank=True, editable=False
    )
    word_count = models.PositiveIntegerField(_("words"), default=0, editable=False)

    class Meta:
        abstract = True


class Illustrated(models.Model):
    """An optional picture, with alt text unless it is decorative, and its resized copies."""

    image = SafeImageField(
        _("image"),
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=_("Optional. JPEG, PNG or WebP; smaller copies are made for phones."),
    )
    image_alt = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the picture shows, for people who cannot see it. Required unless the "
            "picture is decorative."
        ),
    )
    image_decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_("Tick if the picture adds nothing to the words: screen readers skip it."),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # [{"width": 480, "height": 320, "name": "images/…-480.webp"}, …], smallest first.
    image_renditions = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # The smaller copies are derived from the picture (see core/images.py).
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "image" in update_fields:
            images.update_renditions(self)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "image_renditions"}
        super().save(*args, **kwargs)

    @property
    def image_srcset(self):
        return images.srcset(self.image_renditions)

    @property
    def image_alt_text(self):
        """The ``alt`` to show: empty for a decorative picture, so screen readers skip it."""
        return "" if self.image_decorative else self.image_alt

    def clean(self):
        super().clean()
        if self.image and not self.image_decorative and not self.image_alt.strip():
            raise ValidationError(
                {
                    "image_alt": _(
                        "Please describe the picture for people who cannot see it, or tick "
                        "'decorative' if it adds nothing to the words."
                    )
                }
            )


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, candidate)
        except ValueError:
            continue
    raise ValueError(day)


class Source(models.Model):
    """A reference a page rests on; each content type keeps its own list."""

    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title
