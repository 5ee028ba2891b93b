"""
What search knows besides the pages themselves: words that mean danger, words that mean the
same, and what parents looked for and did not find (counted, never who or when).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .text import STOP_WORDS, words


def _require_a_real_word(field, value):
    """A phrase of only words like "it" or "the" would match nearly every search."""
    if value and not any(word not in STOP_WORDS for word in words(value)):
        raise ValidationError(
            {
                field: _(
                    "Please include at least one word other than small words like 'it' or 'the'."
                )
            }
        )


class CrisisPhrase(models.Model):
    """Words that show the "in danger now" panel above every result when a search holds them."""

    phrase = models.CharField(
        _("words"),
        max_length=100,
        unique=True,
        help_text=_(
            "A word or a few words, e.g. 'suicidal' or 'hurt my baby'. Matching ignores capital "
            "letters and punctuation, and also finds other forms of each word (suicide, "
            "suicidal; hurt, hurting)."
        ),
    )
    note = models.CharField(
        _("note for staff"),
        max_length=200,
        blank=True,
        help_text=_("Optional: why it is on the list. Never shown to parents."),
    )
    is_starter = models.BooleanField(_("starter content"), default=False, editable=False)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("crisis words")
        verbose_name_plural = _("crisis words")

    def __str__(self):
        return self.phrase

    def clean(self):
        super().clean()
        _require_a_real_word("phrase", self.phrase)


class Synonym(models.Model):
    """A word parents use, and the words the site uses for the same thing."""

    term = models.CharField(
        _("when someone searches for"),
        max_length=100,
        unique=True,
        help_text=_("A word or short phrase a parent might type, e.g. 'PND' or 'knackered'."),
    )
    also_means = models.CharField(
        _("also search for"),
        max_length=300,
        help_text=_(
            "Words the site uses for the same thing, separated by commas, e.g. "
            "'postnatal depression, perinatal depression'."
        ),
    )
    both_ways = models.BooleanField(
        _("works both ways"),
        default=False,
        help_text=_(
            "Tick if a search for any of the other words should also find this one, e.g. "
            "anxious and anxiety."
        ),
    )
    is_starter = models.BooleanField(_("starter content"), default=False, editable=False)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        ordering = ["term"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        return f"{self.term} → {self.also_means}"

    def clean(self):
        super().clean()
        _require_a_real_word("term", self.term)
        _require_a_real_word("also_means", self.also_means)

    @property
    def meanings(self):
        return [part.strip() for part in self.also_means.split(",") if part.strip()]


class MissedSearch(models.Model):
    """How many times one day's searches for some words found nothing, or very little.

    Only the tidied words and a count per day are kept: no address, cookie, browser or time of
    day. Anything that looks like a phone number, e-mail address or postcode is removed before
    the words are stored. Rows are deleted after 90 days (``prune_missed_searches``).
    """

    query = models.CharField(_("search words"), max_length=100)
    day = models.DateField(_("day"))
    found = models.PositiveSmallIntegerField(
        _("results found"), help_text=_("How many results the search found (0 to a few).")
    )
    count = models.PositiveIntegerField(_("times"), default=0)

    class Meta:
        ordering = ["-day", "-count"]
        verbose_name = _("search that found little")
        verbose_name_plural = _("searches that found little or nothing")
        constraints = [
            models.UniqueConstraint(fields=["query", "day"], name="missedsearch_query_day")
        ]
        indexes = [models.Index(fields=["day"], name="missedsearch_day_idx")]

    def __str__(self):
        return self.query
