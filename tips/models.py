"""'If your baby could speak' tip pages: each tip pairs the baby's voice with a parent's action."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import ClinicallyReviewed, Illustrated, Publishable, Readable, Source
from core.readability import html_blocks, measure
from core.richtext import html_to_text, sanitise_html
from guidance.models import LIST_ORDER_HELP, Resource, Stage, Topic

# The parts of a tip a parent reads, in order.
TIP_TEXT_FIELDS = ("baby_says", "try_this", "why_it_helps")


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
    order = models.SmallIntegerField(_("order"), default=0, help_text=LIST_ORDER_HELP)
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

    derived_fields = ("reading_age", "word_count")
    search_prefetch = ("topics", "tips")

    def derive(self):
        # The tips are saved after the page, so tips/signals.py derives the page again then.
        self.reading_age, self.word_count = measure(self.reading_blocks())

    def saved_tips(self):
        return [] if self._state.adding else self.tips.all()

    def reading_blocks(self):
        """The intro and every part of every tip."""
        blocks = [self.intro]
        for tip in self.saved_tips():
            # What to try and why it helps are written with the rich-text editor.
            for field in TIP_TEXT_FIELDS:
                blocks += html_blocks(getattr(tip, field))
        return blocks

    def search_parts(self):
        """Title; the intro and topics; what every tip says."""
        topics = " ".join(topic.title for topic in self.topics.all())
        tips = " ".join(
            f"{tip.baby_says} {tip.try_this} {tip.why_it_helps}" for tip in self.saved_tips()
        )
        return self.title, f"{self.intro} {topics}", html_to_text(tips)

    def search_summary(self):
        """The text a search result shows, and highlights words in."""
        return self.intro

    @classmethod
    def search_passages(cls, ids):
        """``{id: [markup, ...]}``: every part of every tip of pages ``ids``, in order."""
        passages = {}
        rows = Tip.objects.filter(page_id__in=ids).values_list("page_id", *TIP_TEXT_FIELDS)
        for page_id, *parts in rows:
            passages.setdefault(page_id, []).extend(parts)
        return passages

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

    derived_fields = ("try_this", "why_it_helps")

    def save(self, *args, **kwargs):
        self.derive()
        super().save(*args, **kwargs)

    def derive(self):
        # Written with the rich-text editor: keep only simple formatting and safe links.
        self.try_this = sanitise_html(self.try_this)
        self.why_it_helps = sanitise_html(self.why_it_helps)


class TipPageSource(Source):
    page = models.ForeignKey(TipPage, on_delete=models.CASCADE, related_name="sources")

    history = HistoricalRecords()

    class Meta(Source.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")
