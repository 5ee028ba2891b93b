"""
The catalogue: life stages, topics, articles, signposting resources and simple pages, and the
redirects that keep old addresses working. The bases they share are in ``core.models``.
"""

import re
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import phones
from core.models import (
    ClinicallyReviewed,
    Illustrated,
    Publishable,
    PublishableManager,
    PublishableQuerySet,
    Readable,
    Source,
)
from core.readability import html_blocks, measure
from core.richtext import html_to_text, sanitise_html
from core.validators import validate_site_path

# Articles and tip pages share this rule for their place in the stage and topic lists.
LIST_ORDER_HELP = _(
    "Where it comes in the lists by age and topic: lower numbers first, and pages with the "
    "same number in title order. Pages start at 0, so -1 puts a page before the rest."
)

# An article's section headings, which count towards what the article is about in search.
HEADING = re.compile(r"<h[23][^>]*>(.*?)</h[23]>", re.IGNORECASE | re.DOTALL)


class Stage(models.Model):
    title = models.CharField(_("title"), max_length=100, help_text=_("e.g. 'Newborn'."))
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    age_range = models.CharField(
        _("age range"), max_length=60, blank=True, help_text=_("e.g. '0 to 3 months'.")
    )
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Stages are listed from the lowest number.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{reverse('guidance:article_list')}?stage={self.slug}"


class Topic(models.Model):
    title = models.CharField(_("title"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{reverse('guidance:article_list')}?topic={self.slug}"


class Nation(models.TextChoices):
    ENGLAND = "england", _("England")
    SCOTLAND = "scotland", _("Scotland")
    WALES = "wales", _("Wales")
    NORTHERN_IRELAND = "northern-ireland", _("Northern Ireland")

    @property
    def field_name(self):
        return "serves_" + self.value.replace("-", "_")


class ResourceKind(models.TextChoices):
    EMERGENCY = "emergency", _("Emergency")
    URGENT = "urgent", _("Urgent advice")
    PROFESSIONAL = "professional", _("Health professional")
    HELPLINE = "helpline", _("Helpline")
    TEXT = "text", _("Text line")
    APP = "app", _("App")
    LEAFLET = "leaflet", _("Leaflet")
    VIDEO = "video", _("Video")
    LOCAL = "local", _("Local service")


class Urgency(models.IntegerChoices):
    NOW = 1, _("Now: an emergency")
    TODAY = 2, _("Today: urgent advice")
    SOON = 3, _("Soon: talk to a professional")
    ANY_TIME = 4, _("Any time: support and information")


class ResourceQuerySet(PublishableQuerySet):
    def for_nation(self, nation):
        """Resources that serve ``nation`` (a ``Nation``), UK-wide ones included."""
        return self.filter(**{Nation(nation).field_name: True})


class Resource(Publishable):
    """A place to get help: a phone line, service, app, leaflet or video."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ResourceKind.choices)
    urgency = models.PositiveSmallIntegerField(
        _("urgency"),
        choices=Urgency.choices,
        default=Urgency.ANY_TIME,
        help_text=_("Decides which tier of the help page it appears in."),
    )
    when_to_use = models.TextField(
        _("when to use it"),
        help_text=_("One or two plain sentences: who it is for and when to contact it."),
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_(
            "One number to ring, e.g. 0808 808 8000, 116 123 or 999, with no words. "
            "The call button dials exactly this number."
        ),
    )
    phone_note = models.CharField(
        _("phone note"),
        max_length=100,
        blank=True,
        help_text=_(
            "Optional. Shown after the number but never dialled, e.g. 'option 2 for mental "
            "health' or 'ext 204'."
        ),
    )
    text_number = models.CharField(
        _("text number"),
        max_length=40,
        blank=True,
        help_text=_("A mobile number or a five-digit text code to text, e.g. 85258."),
    )
    text_message = models.CharField(
        _("text message"),
        max_length=40,
        blank=True,
        help_text=_("A word to send, if the service asks for one, e.g. SHOUT."),
    )
    url = models.URLField(_("web address"), max_length=500, blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    serves_england = models.BooleanField(_("England"), default=True)
    serves_scotland = models.BooleanField(_("Scotland"), default=True)
    serves_wales = models.BooleanField(_("Wales"), default=True)
    serves_northern_ireland = models.BooleanField(_("Northern Ireland"), default=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Within a tier, lower numbers come first.")
    )
    crisis_panel = models.BooleanField(
        _("show when a search sounds like a crisis"),
        default=False,
        help_text=_(
            "Tick for the lines a parent in danger needs at once (999, Samaritans, Shout, "
            "111 and its equivalents). They open the search results when a search holds "
            "crisis words, and show on every search that finds nothing."
        ),
    )
    last_checked = models.DateField(
        _("last checked"),
        null=True,
        blank=True,
        help_text=_(
            "When someone last confirmed the number and address. Empty means it needs checking."
        ),
    )
    # Set on save: a number that is not one clear number is kept for an editor to fix (see the
    # editorial dashboard) and gets no call or text button, rather than a guessed one.
    numbers_need_fixing = models.BooleanField(
        _("numbers need fixing"),
        default=False,
        editable=False,
        help_text=_("The phone or text number is not one clear number, so it has no button."),
    )
    # Written by the check_resource_links command, never by editors.
    link_status = models.PositiveSmallIntegerField(
        _("web address status"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The HTTP status the web address answered with when last checked."),
    )
    link_error = models.CharField(
        _("web address problem"), max_length=200, blank=True, editable=False
    )
    link_checked_at = models.DateTimeField(
        _("web address checked"), null=True, blank=True, editable=False
    )
    objects = PublishableManager.from_queryset(ResourceQuerySet)()
    history = HistoricalRecords()

    class Meta:
        ordering = ["urgency", "order", "name"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [models.Index(fields=["status", "published_at"], name="resource_public_idx")]
        permissions = [("publish_resource", _("Can publish and unpublish resources"))]

    def __str__(self):
        return self.name

    derived_fields = ("when_to_use", "phone", "phone_note", "text_number", "numbers_need_fixing")
    search_prefetch = ()

    def derive(self):
        self.when_to_use = sanitise_html(self.when_to_use)
        phone, note, phone_ok = phones.normalise(self.phone)
        text_number, _note, text_ok = phones.normalise(self.text_number, for_text=True)
        self.phone, self.text_number = phone, text_number
        self.phone_note = self.phone_note or note
        self.numbers_need_fixing = not (phone_ok and text_ok)

    def search_parts(self):
        """The three parts of its search document: title, what sums it up, the rest."""
        return self.name, html_to_text(self.when_to_use), self.kind

    def search_summary(self):
        """The text a search result shows, and highlights words in."""
        return html_to_text(self.when_to_use)

    @classmethod
    def search_passages(cls, ids):
        """``{id: [markup, ...]}``: longer texts an excerpt may come from (none)."""
        return {}

    def get_absolute_url(self):
        return f"{reverse('guidance:help')}#{self.slug}"

    def clean(self):
        super().clean()
        if errors := self.number_errors():
            raise ValidationError(errors)

    def number_errors(self):
        """What is wrong with the phone and text numbers, by field (empty when nothing is)."""
        errors = {}
        number, note = phones.split_note(self.phone)
        if number:
            try:
                phones.parse(number)
            except ValidationError as error:
                errors["phone"] = error.messages
        if note and self.phone_note and note != self.phone_note:
            errors["phone_note"] = [
                _("The phone number ends with '%(note)s': put that here only, not in both places.")
                % {"note": note}
            ]
        if self.phone_note and not self.phone:
            errors["phone_note"] = [_("A note needs a phone number to go with.")]
        if self.text_number:
            try:
                phones.parse(self.text_number, for_text=True)
            except ValidationError as error:
                errors["text_number"] = error.messages
        return errors

    @property
    def number_problem(self):
        """The problems with the numbers in one line, for the editorial dashboard."""
        labels = {"phone": _("Phone"), "phone_note": _("Phone note"), "text_number": _("Text")}
        return " ".join(
            f"{labels[field]}: {' '.join(messages)}"
            for field, messages in self.number_errors().items()
        )

    @property
    def link_is_broken(self):
        return bool(self.link_error) or (self.link_status is not None and self.link_status >= 400)

    @property
    def nations(self):
        return [nation for nation in Nation if getattr(self, nation.field_name)]

    @property
    def nations_label(self):
        nations = self.nations
        if len(nations) == len(Nation):
            return _("UK-wide")
        return ", ".join(str(nation.label) for nation in nations)

    @property
    def phone_number(self):
        """The checked ``phones.Number`` to ring, or None when there is none to dial."""
        return phones.checked(self.phone) if self.phone else None

    @property
    def text_number_checked(self):
        """The checked ``phones.Number`` to text, or None when there is none to text."""
        return phones.checked(self.text_number, for_text=True) if self.text_number else None

    @property
    def phone_href(self):
        """A tel: link to the checked number, or "" when there is no clear number to dial."""
        number = self.phone_number
        return f"tel:{number.value}" if number else ""

    @property
    def sms_href(self):
        """An sms: link to the checked number, or "" when there is no clear number to text."""
        number = self.text_number_checked
        if number is None:
            return ""
        if self.text_message:
            return f"sms:{number.value}?&body={quote(self.text_message)}"
        return f"sms:{number.value}"


class Article(Publishable, ClinicallyReviewed, Readable, Illustrated):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("The end of the page's web address.")
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences, shown in lists, search results and link previews."),
    )
    in_brief = models.TextField(
        _("in brief"),
        blank=True,
        help_text=_("Three to five key points, one per line."),
    )
    body = models.TextField(
        _("body"),
        help_text=_(
            "Short sections with plain headings (h2). Allowed: paragraphs, headings, lists, "
            "links, bold and italic. Anything else is removed when you save."
        ),
    )
    body_text = models.TextField(editable=False, blank=True, help_text="The body without markup.")
    stages = models.ManyToManyField(
        Stage, blank=True, related_name="articles", verbose_name=_("stages")
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="articles", verbose_name=_("topics")
    )
    resources = models.ManyToManyField(
        Resource,
        blank=True,
        related_name="articles",
        verbose_name=_("when to get help"),
        help_text=_("Signposting shown at the end of the article, most urgent first."),
    )
    related = models.ManyToManyField(
        "self", blank=True, symmetrical=False, verbose_name=_("related articles")
    )
    order = models.SmallIntegerField(_("order"), default=0, help_text=LIST_ORDER_HELP)
    start_here = models.BooleanField(
        _("start here"),
        default=False,
        help_text=_(
            "Show this article on the home page as the place to start. Only one article can "
            "be the start: ticking it here unticks it on any other."
        ),
    )
    history = HistoricalRecords(m2m_fields=[stages, topics, resources, related])

    class Meta:
        ordering = ["title"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["status", "published_at"], name="article_public_idx"),
            # The article list: published ones in title order, read from the index, no sort.
            models.Index(fields=["status", "title"], name="article_status_title_idx"),
        ]
        permissions = [
            ("publish_article", _("Can publish and unpublish articles")),
            ("review_article", _("Can mark articles as clinically reviewed")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["start_here"],
                condition=models.Q(start_here=True),
                name="article_one_start_here",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # One start: the article ticked last takes the place of the one before.
        if self.start_here:
            with transaction.atomic():
                Article.objects.filter(start_here=True).exclude(pk=self.pk).update(start_here=False)
                super().save(*args, **kwargs)
        else:
            super().save(*args, **kwargs)

    derived_fields = ("body", "body_text", "reading_age", "word_count")
    # What ``search_parts()`` reads besides the row itself, loaded for many pages at once.
    search_prefetch = ("topics",)

    def derive(self):
        self.body = sanitise_html(self.body)
        self.body_text = html_to_text(self.body)
        self.reading_age, self.word_count = measure(self.reading_blocks())

    def reading_blocks(self):
        """What a parent reads: the summary, the "in brief" points and the body."""
        return [self.summary, *self.in_brief.splitlines(), *html_blocks(self.body)]

    def search_parts(self):
        """Title; what sums it up (summary, key points, topics, headings); the body's text."""
        headings = " ".join(html_to_text(found) for found in HEADING.findall(self.body))
        topics = " ".join(topic.title for topic in self.topics.all())
        return self.title, " ".join((self.summary, self.in_brief, topics, headings)), self.body_text

    def search_summary(self):
        """The text a search result shows, and highlights words in."""
        return self.summary

    @classmethod
    def search_passages(cls, ids):
        """``{id: [markup]}``: the bodies of articles ``ids``, for an excerpt of a match there."""
        return {pk: [body] for pk, body in cls.objects.filter(pk__in=ids).values_list("pk", "body")}

    def get_absolute_url(self):
        return reverse("guidance:article_detail", kwargs={"slug": self.slug})

    @property
    def in_brief_points(self):
        return [line.strip(" -•*\t") for line in self.in_brief.splitlines() if line.strip(" -•*\t")]


class ArticleSource(Source):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sources")

    history = HistoricalRecords()

    class Meta(Source.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")


class Page(Publishable):
    """A simple page such as About, Accessibility or Privacy, at /<slug>/."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The page's address: 'about' is shown at /about/."),
    )
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(_("body"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name = _("simple page")
        verbose_name_plural = _("simple pages")
        permissions = [("publish_page", _("Can publish and unpublish simple pages"))]

    def __str__(self):
        return self.title

    derived_fields = ("body",)

    def derive(self):
        self.body = sanitise_html(self.body)

    def get_absolute_url(self):
        return reverse("page", kwargs={"slug": self.slug})


class Redirect(models.Model):
    """An old address that sends readers on to a new one, so a shared link never breaks."""

    old_path = models.CharField(
        _("old address"),
        max_length=300,
        unique=True,
        help_text=_("The path only, starting and ending with a slash, e.g. /guidance/old-name/."),
    )
    new_path = models.CharField(
        _("new address"),
        max_length=300,
        validators=[validate_site_path],
        help_text=_(
            "A path on this site only, e.g. /guidance/new-name/. Other websites are not "
            "allowed, so a link to us can never send parents somewhere else."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    automatic = models.BooleanField(
        _("made automatically"),
        default=False,
        editable=False,
        help_text=_("Recorded when the address of a published page changed."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["old_path"]
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"

    def clean(self):
        if not self.old_path.startswith("/"):
            raise ValidationError({"old_path": _("Start the old address with a slash.")})
        if self.old_path == self.new_path:
            raise ValidationError({"new_path": _("The new address must be different.")})

    @classmethod
    def record_move(cls, old_path, new_path):
        """Send ``old_path`` (and anything that already led to it) on to ``new_path``."""
        if old_path == new_path:
            return
        cls.objects.filter(new_path=old_path).update(new_path=new_path)
        # The page now lives at new_path again, so an older redirect away from it must go.
        cls.objects.filter(old_path=new_path).delete()
        cls.objects.update_or_create(
            old_path=old_path, defaults={"new_path": new_path, "automatic": True}
        )


class StarterItem(models.Model):
    """Remembers which starter content was loaded, so deleting it is final."""

    key = models.CharField(max_length=200, unique=True)
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["key"]

    def __str__(self):
        return self.key
