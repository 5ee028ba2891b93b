"""The index forgets pages that went without a signal, as a flush or a raw delete does."""

import pytest
from django.core.management import call_command
from django.db import connection

from guidance.models import Article
from search import index as searchindex
from tests.support.factories import make_article


def postings_of(kind):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {searchindex.POSTINGS} WHERE kind = %s", [kind])
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_postings_of_pages_deleted_without_signals_are_forgotten():
    kept = make_article(title="Kept")
    gone = make_article(title="Gone")
    Article.objects.filter(pk=gone.pk)._raw_delete(connection.alias)
    assert postings_of("article") > 0

    searchindex.forget_orphans()

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT page_id FROM {searchindex.POSTINGS} WHERE kind = 'article'"
        )
        assert [pk for (pk,) in cursor.fetchall()] == [kept.pk]


@pytest.mark.django_db(transaction=True)
def test_a_flush_leaves_no_postings_behind():
    make_article(title="Crying at night")

    call_command("flush", "--noinput", verbosity=0)

    assert postings_of("article") == 0
