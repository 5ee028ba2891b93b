"""'If your baby could speak' tip pages: each tip pairs the baby's voice with a parent's action."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from guidance.models import (
    ClinicallyReviewed,
    Illustrated,
    Publishable,
    Readable,
    Resource,
    Source,
    Stage,
    Topic,
)
from guidance.readability import TIP_TEXT_FIELDS, measure, tip_page_blocks
from guidance.richtext import sanitise_html


class TipPage(Publishable, ClinicallyReviewed, Readable, Illustrated):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("The end of the page's web address.")
    )
    intro = models.TextField(
        _("introduction"),
        help_text=_("One or two sentences, shown in lists, search results and link previews."),
    )
    stages = models.ManyToManyField(
        Stage, blank=True, related_name="tip_pages", verbose_name=_("stages")
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="tip_pages", verbose_name=_("topics")
    )
    resources = models.ManyToManyField(
        Resource,
        blank=True,
        related_name="tip_pages",
        verbose_name=_("when to get help"),
        help_text=_("Signposting shown at the end of the page, most urgent first."),
    )
    featured = models.BooleanField(
        _("feature on the home page"),
        default=False,
        help_text=_("The most recently published featured tip page is shown on the home page."),
    )
    history = HistoricalRecords(m2m_fields=[stages, topics, resources])

    class Meta:
        ordering = ["title"]
        verbose_name = _("tip page")
        verbose_name_plural = _("tip pages")
        indexes = [models.Index(fields=["status", "published_at"], name="tippage_public_idx")]
        permissions = [
            ("publish_tippage", _("Can publish and unpublish tip pages")),
            ("review_tippage", _("Can mark tip pages as clinically reviewed")),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The tips are saved after the page, so tips/signals.py measures the page again then.
        tips = [] if self._state.adding else self.tips.values(*TIP_TEXT_FIELDS)
        self.reading_age, self.word_count = measure(tip_page_blocks(self.intro, tips))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("tips:tip_page_detail", kwargs={"slug": self.slug})


class Tip(models.Model):
    page = models.ForeignKey(TipPage, on_delete=models.CASCADE, related_name="tips")
    baby_says = models.TextField(
        _("your baby's voice"),
        help_text=_(
            "In the baby's words, e.g. 'When your voice is slow and soft, "
            "my body starts to settle.'"
        ),
    )
    try_this = models.TextField(_("what to try"), help_text=_("What the parent can do."))
    why_it_helps = models.TextField(_("why it helps"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("tip")
        verbose_name_plural = _("tips")

    def __str__(self):
        return self.baby_says[:60]

    def save(self, *args, **kwargs):
        # Written with the rich-text editor: keep only simple formatting and safe links.
        self.try_this = sanitise_html(self.try_this)
        self.why_it_helps = sanitise_html(self.why_it_helps)
        super().save(*args, **kwargs)


class TipPageSource(Source):
    page = models.ForeignKey(TipPage, on_delete=models.CASCADE, related_name="sources")

    history = HistoricalRecords()

    class Meta(Source.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")
