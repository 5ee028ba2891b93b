import pytest
from django.core.exceptions import ValidationError

from search import wordlists
from search.models import CrisisPhrase, Synonym
from search.plan import make_plan
from search.starter import CRISIS_PHRASES, SYNONYMS

pytestmark = pytest.mark.django_db

STARTER = wordlists.build(CRISIS_PHRASES, SYNONYMS)


@pytest.mark.parametrize(
    "query",
    [
        "suicidal",
        "Suicide.",
        "suicidal thoughts after birth",
        "i want to KILL myself!!",
        "i keep thinking about killing myself",
        "self-harm",
        "selfharm",
        "self harm",
        "I can't cope",
        "i cant cope anymore",
        "cannot cope with my baby",
        "not coping",
        "i want to die",
        "thinking of ending it all",
        "i want to hurt myself",
        "i feel like hurting my baby",
        "scared i will harm the baby",
        "i shook my baby",
        "shaking the baby",
        "crisis number",
        "EMERGENCY",
        "baby not breathing",
    ],
)
def test_crisis_words_are_found_however_they_are_typed(query):
    assert make_plan(query, STARTER).crisis


@pytest.mark.parametrize(
    "query",
    [
        "baby wont stop crying",
        "my baby hurt her hand",
        "tummy time",
        "harmless fun",
        "self care ideas",
        "postnatal depression",
    ],
)
def test_everyday_searches_are_not_crisis(query):
    assert not make_plan(query, STARTER).crisis


def test_stop_words_are_left_out_of_groups_and_synonyms_are_added():
    plan = make_plan("my PND is getting worse", STARTER)

    assert [group.label for group in plan.groups] == ["pnd", "getting", "worse"]
    assert plan.groups[0].ways == (
        ("pnd",),
        ("postnatal", "depression"),
        ("perinatal", "depression"),
    )


def test_a_synonym_of_several_words_is_one_group():
    plan = make_plan("baby blues", STARTER)

    assert len(plan.groups) == 1
    assert ("low", "mood") in plan.groups[0].ways


def test_a_synonym_that_works_both_ways_works_from_each_side():
    lists = wordlists.build([], [("anxiety", "anxious", True), ("nap", "sleep", False)])

    assert ("anxious",) in make_plan("anxiety", lists).groups[0].ways
    assert ("anxiety",) in make_plan("anxious", lists).groups[0].ways
    assert make_plan("sleep", lists).groups[0].ways == (("sleep",),)


def test_the_same_thing_typed_twice_is_one_group():
    assert len(make_plan("crying crying cried", STARTER).groups) == 2


def test_searches_about_help_are_told_apart():
    assert make_plan("helpline number", STARTER).about_help
    assert not make_plan("baby sleep", STARTER).about_help


def test_staff_changes_to_the_lists_apply_to_the_next_search():
    assert not make_plan("at the end of my rope", wordlists.current()).crisis

    CrisisPhrase.objects.create(phrase="end of my rope")
    Synonym.objects.create(term="zonked", also_means="tired")

    lists = wordlists.current()
    assert make_plan("at the end of my rope", lists).crisis
    assert ("tired",) in make_plan("zonked", lists).groups[0].ways


def test_deleting_a_crisis_phrase_applies_to_the_next_search():
    phrase = CrisisPhrase.objects.create(phrase="at my limit")
    assert make_plan("im at my limit", wordlists.current()).crisis

    phrase.delete()

    assert not make_plan("im at my limit", wordlists.current()).crisis


@pytest.mark.parametrize("phrase", ["it", "The", "can't", "it all"])
def test_a_crisis_phrase_of_only_small_words_is_refused(phrase):
    with pytest.raises(ValidationError):
        CrisisPhrase(phrase=phrase).full_clean()


def test_a_synonym_needs_a_real_word_on_each_side():
    with pytest.raises(ValidationError):
        Synonym(term="the", also_means="parent").full_clean()
    with pytest.raises(ValidationError):
        Synonym(term="mum", also_means="it, the").full_clean()
    Synonym(term="mum", also_means="parent").full_clean()


def test_crisis_words_at_the_end_of_a_long_message_are_found():
    query = "my baby is six weeks old and " * 8 + "i want to die"

    plan = make_plan(query, STARTER)

    assert plan.crisis
    assert len(plan.words) == 30
