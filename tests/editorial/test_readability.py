from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from core.readability import (
    HIGHEST_READING_AGE,
    LOWEST_READING_AGE,
    count_syllables,
    measure,
)
from guidance.models import Article
from starter import loader
from tests.editorial.formdata import change_url, form_data
from tests.factories import make_article, make_tip_page
from tips.models import Tip, TipPage

pytestmark = pytest.mark.django_db

PLAIN = "<p>Hold your baby close. Talk to them softly. Smile when they look at you.</p>"
HARD = (
    "<p>Infant mental health encompasses the socioemotional development of children from "
    "conception, characterised by the capacity to experience, regulate and express emotions "
    "within the context of caregiving relationships, which are fundamentally shaped by "
    "environmental and intergenerational determinants.</p>"
)


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


def test_change_form_shows_reading_age_and_word_count(admin_client):
    article = make_article(body=PLAIN)
    article.refresh_from_db()

    response = admin_client.get(reverse("admin:guidance_article_change", args=[article.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Plain English" in content
    assert f"{article.reading_age} (target: 11 or under), {article.word_count} words" in content


def _post_article(client, article, body):
    """Change the body in the admin form, as an editor would, and save and continue editing."""
    url = change_url(article)
    data = form_data(client.get(url))
    data.update({"body": body, "_continue": "1"})
    return client.post(url, data, follow=True)


def test_saving_a_hard_page_warns_that_the_reading_age_is_above_target(admin_client, settings):
    settings.READING_AGE_TARGET = Decimal(11)
    article = make_article(body=PLAIN)

    response = _post_article(admin_client, article, HARD)

    article.refresh_from_db()
    assert article.reading_age > 11
    warning = (
        f"Reading age {article.reading_age} is above the target of 11: try shorter sentences "
        "and everyday words."
    )
    assert warning in response.content.decode().replace("&#x27;", "'")


def test_saving_a_plain_page_gives_no_reading_age_warning(admin_client):
    article = make_article(body=HARD)

    response = _post_article(admin_client, article, PLAIN)

    assert response.status_code == 200
    assert "is above the target" not in response.content.decode()


def test_changelists_show_a_reading_age_column(admin_client):
    make_article(title="Hard article", body=HARD)
    make_tip_page(title="Plain tips")

    for model in ("guidance_article", "tips_tippage"):
        response = admin_client.get(reverse(f"admin:{model}_changelist"))
        assert "column-reading_age_column" in response.content.decode()
    response = admin_client.get(reverse("admin:guidance_article_changelist"))
    assert "(above target)" in response.content.decode()


ONE_LONG_WORD = "<p>" + "ab" * 600 + "</p>"
LONG_LIST_OF_SHORT_ITEMS = "<ul>" + "<li>Warm milk</li>" * 1_300 + "</ul>"


@pytest.mark.parametrize(
    ("body", "lowest", "highest"),
    [
        (ONE_LONG_WORD, HIGHEST_READING_AGE, HIGHEST_READING_AGE),
        (LONG_LIST_OF_SHORT_ITEMS, LOWEST_READING_AGE, Decimal(9)),
    ],
)
def test_any_body_saves_through_the_admin_with_a_sensible_reading_age(
    admin_client, body, lowest, highest
):
    """These once overflowed the reading age field: a database error, and a 500, on save."""
    article = make_article(body=PLAIN)

    response = _post_article(admin_client, article, body)

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.body == body
    assert lowest <= article.reading_age <= highest


@pytest.mark.parametrize("body", [ONE_LONG_WORD, LONG_LIST_OF_SHORT_ITEMS])
def test_any_tip_page_intro_saves(body):
    page = make_tip_page(tips=[])
    page.intro = body
    page.save()

    page.refresh_from_db()
    assert LOWEST_READING_AGE <= page.reading_age <= HIGHEST_READING_AGE
