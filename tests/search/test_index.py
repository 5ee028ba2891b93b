"""Search documents follow every save and delete, on PostgreSQL and on SQLite alike."""

import io

import pytest
from django.core.management import call_command

from guidance.models import Article
from search import index as searchindex
from tests.support.factories import make_article, make_resource, make_tip_page
from tests.support.search import grouped as search_site
from tips.models import Tip

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["sleep", "sleeping", "sleeps"])
def test_other_endings_of_a_word_are_found(query):
    article = make_article(title="When your baby sleeps", body="<p>Naps and nights.</p>")

    assert search_site(query)["articles"] == [article]


def test_an_edited_title_is_found_by_its_new_words_only():
    article = make_article(title="Settling at night", summary="Evenings.")
    article.title = "Calming a fretful baby"
    article.save()

    assert search_site("fretful")["articles"] == [article]
    assert search_site("settling")["articles"] == []


def test_a_deleted_page_is_no_longer_found():
    make_article(title="Colic and crying").delete()
    make_resource(name="Colic helpline").delete()

    results = search_site("colic")

    assert results["articles"] == []
    assert results["resources"] == []


def test_a_tip_added_changed_or_removed_changes_what_finds_its_page():
    page = make_tip_page(title="Bath time", tips=[{"baby_says": "Warm water calms me."}])
    tip = Tip.objects.create(page=page, baby_says="Splashing makes me giggle.", try_this="Smile.")
    assert search_site("giggle")["tip_pages"] == [page]

    tip.baby_says = "Bubbles make me laugh."
    tip.save()
    assert search_site("giggle")["tip_pages"] == []
    assert search_site("bubbles")["tip_pages"] == [page]

    tip.delete()
    assert search_site("bubbles")["tip_pages"] == []
    assert search_site("warm water")["tip_pages"] == [page]


def test_titles_rank_above_words_in_the_text():
    in_text = make_article(title="Evenings", body="<p>A calm bath before bed.</p>")
    in_title = make_article(title="Bath time", body="<p>Evenings.</p>")

    assert search_site("bath")["articles"] == [in_title, in_text]


def test_rows_written_without_saving_are_found_after_a_rebuild():
    article = make_article(title="Teething")
    Article.objects.filter(pk=article.pk).update(title="Teeth coming through")
    assert search_site("coming through")["articles"] == []

    call_command("refresh_derived", stdout=io.StringIO())

    assert search_site("coming through")["articles"] == [article]


def test_search_syntax_characters_are_plain_words():
    article = make_article(title="Crying NEAR bedtime")

    for query in ['crying"', "crying OR", "NEAR(crying", "crying*", "-", '"', "^crying", "a:b"]:
        search_site(query)  # must not raise
    assert search_site('"crying"')["articles"] == [article]


def test_the_index_and_its_vocabulary_exist_on_this_database():
    from django.db import connection

    tables = set(connection.introspection.table_names())
    assert {searchindex.POSTINGS, searchindex.VOCABULARY} <= tables
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_indexes WHERE indexname = 'search_vocabulary_trigram_idx'"
            )
            assert cursor.fetchone()[0] == 1
    else:
        assert searchindex.VOCABULARY_FTS in tables


def test_a_page_is_indexed_by_stems_with_the_title_counting_most():
    in_title = make_article(title="Crying", summary="A summary.", body="<p>Words.</p>")
    in_text = make_article(title="Evenings", summary="A summary.", body="<p>Some crying.</p>")

    scores = dict((pk, score) for pk, score in _postings("cri", "article"))
    assert scores[in_title.pk] > scores[in_text.pk] > 0


def test_stop_words_are_not_indexed():
    make_article(title="The baby and the night")

    assert _postings("the", "article") == []


def test_saving_adds_the_pages_words_to_the_vocabulary():
    make_article(title="Peekaboo", body="<p>Giggles and raspberries.</p>")

    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT word FROM {searchindex.VOCABULARY} WHERE word IN (%s, %s, %s)",
            ["peekaboo", "raspberries", "and"],
        )
        assert {word for (word,) in cursor.fetchall()} == {"peekaboo", "raspberries"}


def _postings(stem, kind):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT page_id, score FROM {searchindex.POSTINGS} WHERE stem = %s AND kind = %s",
            [stem, kind],
        )
        return cursor.fetchall()


def test_markup_and_link_addresses_in_tips_and_help_are_not_words():
    page = make_tip_page(
        tips=[
            {
                "baby_says": "Hold me.",
                "try_this": '<p><strong>Sing</strong> <a href="https://example.org/lullaby">softly</a></p>',
            }
        ]
    )
    resource = make_resource(
        name="Helpline", when_to_use='<p>Call <a href="https://example.org/strongline">us</a></p>'
    )

    assert search_site("sing softly")["tip_pages"] == [page]
    assert search_site("lullaby")["tip_pages"] == []
    assert search_site("strong")["tip_pages"] == []
    assert search_site("call")["resources"] == [resource]
    assert search_site("strongline")["resources"] == []


def test_spelling_is_corrected_without_the_trigram_table(monkeypatch):
    """A SQLite built without FTS5 still corrects words, by length and edit distance."""
    monkeypatch.setattr(searchindex, "has_trigram_table", lambda conn=None: False)
    article = make_article(title="Postnatal depression")

    assert search_site("postnatel depresion")["articles"] == [article]
