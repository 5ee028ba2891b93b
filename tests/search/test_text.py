import pytest
from django.db import connection

from search import text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("won't", ["will", "not"]),
        ("wont", ["will", "not"]),
        ("WON\u2019T", ["will", "not"]),
        ("can't cope", ["can", "not", "cope"]),
        ("cant cope", ["can", "not", "cope"]),
        ("cannot cope", ["can", "not", "cope"]),
        ("I'm tired", ["i", "am", "tired"]),
        ("im tired", ["i", "am", "tired"]),
        ("don't", ["do", "not"]),
        ("dont", ["do", "not"]),
        ("baby's cues", ["babys", "cues"]),
        ("self-harm", ["self", "harm"]),
        ("NHS 111!", ["nhs", "111"]),
    ],
)
def test_words_spell_out_contractions_typed_with_or_without_the_apostrophe(typed, expected):
    assert text.words(typed) == expected


def test_words_that_are_also_ordinary_words_are_spelled_out_only_with_the_apostrophe():
    assert text.words("ill") == ["ill"]
    assert text.words("I'll") == ["i", "will"]


def test_words_are_limited_in_number():
    assert len(text.words("baby " * 1000)) == text.MAX_QUERY_WORDS


@pytest.mark.parametrize(
    ("word", "other"), [("suicidal", "suicide"), ("crying", "cries"), ("hurting", "hurt")]
)
def test_forms_of_a_word_share_a_stem(word, other):
    assert text.stem(word) == text.stem(other)


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("colic", "colic", 0), ("colick", "colic", 1), ("helth", "health", 1), ("ab", "ba", 1)],
)
def test_edit_distance_counts_a_swap_of_neighbours_once(a, b, distance):
    assert text.edit_distance(a, b) == distance


def test_edit_distance_stops_early_past_its_limit():
    assert text.edit_distance("postnatal", "sleep", limit=2) == 3


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="compares with PostgreSQL itself")
def test_our_stop_words_are_exactly_postgresql_english_stop_words():
    with connection.cursor() as cursor:
        for word in text.STOP_WORDS:
            cursor.execute("SELECT to_tsvector('english', %s)::text", [word])
            assert cursor.fetchone()[0] == "", word
        for word in ("baby", "crying", "mum", "help", "sleep"):
            cursor.execute("SELECT to_tsvector('english', %s)::text", [word])
            assert cursor.fetchone()[0] != "", word
