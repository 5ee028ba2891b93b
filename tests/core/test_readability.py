"""The reading age and word count: how text is measured, and when pages are measured."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from core.readability import (
    HIGHEST_READING_AGE,
    LOWEST_READING_AGE,
    count_syllables,
    measure,
)
from guidance.models import Article
from starter import loader
from tests.support.factories import make_article, make_tip_page
from tests.support.texts import HARD, LONG_LIST_OF_SHORT_ITEMS, ONE_LONG_WORD, PLAIN
from tips.models import Tip, TipPage

pytestmark = pytest.mark.django_db


def test_short_everyday_sentences_have_a_low_reading_age():
    reading_age, words = measure(["Hold your baby close. Talk to them softly."])

    assert reading_age < Decimal(9)
    assert words == 8


def test_long_academic_sentences_have_a_high_reading_age():
    reading_age, _words = measure([HARD])

    assert reading_age > Decimal(18)


def test_empty_text_is_not_measured():
    assert measure(["", "   "]) == (None, 0)


def test_syllables_come_from_the_pronouncing_dictionary_with_a_fallback():
    assert count_syllables("baby every relationship") == 2 + 3 + 4
    # Not in the dictionary: estimated from vowel groups, and hyphenated parts counted apart.
    assert count_syllables("co-regulation") == 1 + 4
    assert count_syllables("zorblefrump") >= 2


def test_a_heading_does_not_run_into_the_next_sentence():
    """Headings have no full stop; without one they would make the next sentence look long."""
    with_heading = measure(["What your baby needs", "Your baby needs to feel safe."])
    one_long_sentence = measure(["What your baby needs your baby needs to feel safe."])

    assert with_heading[0] < one_long_sentence[0]


def test_each_item_of_a_list_of_short_items_counts_as_a_sentence():
    """textstat leaves out two-word "sentences", which made 100 such items one long sentence."""
    reading_age, words = measure(["What to pack.", *["Warm milk"] * 100])

    assert words == 3 + 200
    assert reading_age < Decimal(9)


@pytest.mark.parametrize(
    "blocks",
    [["a" * 1_200], ["b" + "ab" * 600], ["Infantmentalhealth" * 70 + " today."]],
)
def test_the_reading_age_stays_within_what_the_field_can_hold(blocks):
    reading_age, _words = measure(blocks)

    assert LOWEST_READING_AGE <= reading_age <= HIGHEST_READING_AGE


def test_article_is_measured_on_save_from_summary_in_brief_and_body():
    article = make_article(summary="A calm guide.", in_brief="Stay close\nTalk softly", body=PLAIN)

    article.refresh_from_db()
    assert article.word_count == 3 + 4 + 14
    assert article.reading_age is not None

    article.body = HARD
    article.save()
    article.refresh_from_db()
    assert article.reading_age > Decimal(15)


def test_tip_page_is_measured_again_when_its_tips_change():
    page = make_tip_page(intro="Your baby wants to tell you something.", tips=[])
    page.refresh_from_db()
    assert page.word_count == 7

    tip = Tip.objects.create(page=page, baby_says="Hold me close.", try_this="<p>Hug them.</p>")
    page.refresh_from_db()
    assert page.word_count == 7 + 3 + 2

    tip.delete()
    page.refresh_from_db()
    assert page.word_count == 7


def test_measuring_a_tip_page_makes_no_new_version_or_revision():
    page = make_tip_page(tips=[])
    page.refresh_from_db()
    version, revisions = page.version, page.history.count()

    Tip.objects.create(page=page, baby_says="Hold me close.", try_this="Hug them.")

    page.refresh_from_db()
    assert (page.version, page.history.count()) == (version, revisions)


def test_starter_content_is_measured_when_loaded_and_within_the_target(settings):
    call_command("load_starter_content", verbosity=0)

    pages = [*Article.objects.all(), *TipPage.objects.all()]
    content = loader.read()
    assert len(pages) == len(content.articles) + len(content.tip_pages)
    for page in pages:
        assert page.word_count > 100, page.title
        assert page.reading_age <= settings.READING_AGE_TARGET, page.title


@pytest.mark.parametrize("body", [ONE_LONG_WORD, LONG_LIST_OF_SHORT_ITEMS])
def test_any_tip_page_intro_saves(body):
    page = make_tip_page(tips=[])
    page.intro = body
    page.save()

    page.refresh_from_db()
    assert LOWEST_READING_AGE <= page.reading_age <= HIGHEST_READING_AGE
