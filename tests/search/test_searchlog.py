"""Counting searches that found little: what is kept, what is taken out, and the limits."""

import datetime
import logging

import pytest
from django.db import DatabaseError
from django.db.models import QuerySet
from django.utils import timezone

from search import searchlog
from search.models import MissedSearch

pytestmark = pytest.mark.django_db


def stored():
    return list(MissedSearch.objects.order_by("query").values_list("query", "count", "found"))


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  Baby   WON'T\tSleep\n", "baby won't sleep"),
        (
            "\uff42\uff41\uff42\uff59\u3000\uff52\uff45\uff46\uff4c\uff55\uff58",
            "baby reflux",
        ),  # full width
        ("colic\x00\x1b[31m\u200b", "colic[31m"),  # control and zero-width characters
        ("call me on 07700 900123 please", "call me on please"),
        ("+44 20 7946 0958 health visitor", "health visitor"),
        ("ring (0161) 496-0000", "ring"),
        ("07700900123", ""),
        ("help jo.bloggs@example.org now", "help now"),
        ("support group SW1A 1AA", "support group"),
        ("groups near m1 1ae", "groups near"),
        ("groups near M11AE", "groups near"),
        ("groups in sw1a", "groups in sw1a"),  # a district names nobody
        ("call 111 or 999", "call 111 or 999"),
        ("3 month old 2am feeds", "3 month old 2am feeds"),
        ("   ", ""),
    ],
)
def test_tidying_lowers_squeezes_and_takes_out_personal_details(typed, kept):
    assert searchlog.tidy(typed) == kept


def test_tidying_cuts_long_searches_at_a_word_boundary():
    words = "sleep " * 30

    tidied = searchlog.tidy(words)

    assert len(tidied) <= 100
    assert tidied == " ".join(["sleep"] * 16)


def test_tidying_cuts_one_very_long_word_at_100_characters():
    assert searchlog.tidy("a" * 150) == "a" * 100


def test_each_search_adds_one_to_the_day_s_count():
    searchlog.record("Crying at night", 0)
    searchlog.record("crying  at night", 2)
    searchlog.record("CRYING AT NIGHT", 1)
    searchlog.record("teething", 2)

    assert stored() == [("crying at night", 3, 0), ("teething", 1, 2)]
    assert MissedSearch.objects.get(query="teething").day == timezone.localdate()


def test_the_fewest_results_found_that_day_are_kept():
    searchlog.record("weaning", 2)
    searchlog.record("weaning", 1)
    searchlog.record("weaning", 2)

    assert MissedSearch.objects.get().found == 1


def test_another_day_is_another_row(monkeypatch):
    searchlog.record("weaning", 0)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda: tomorrow)

    searchlog.record("weaning", 0)
    searchlog.record("weaning", 0)

    counts = dict(MissedSearch.objects.values_list("day", "count"))
    assert counts == {tomorrow - datetime.timedelta(days=1): 1, tomorrow: 2}


def test_searches_that_found_enough_or_nothing_to_keep_are_not_recorded():
    searchlog.record("sleep", searchlog.FEW)
    searchlog.record("07700 900123", 0)
    searchlog.record("", 0)

    assert not MissedSearch.objects.exists()


def test_new_rows_stop_at_the_daily_limit_but_known_searches_still_count(settings):
    settings.SEARCH_LOG_MAX_NEW_PER_DAY = 2
    for words in ("one", "two", "three"):
        searchlog.record(words, 0)
    searchlog.record("one", 0)

    assert stored() == [("one", 2, 0), ("two", 1, 0)]


def test_yesterday_s_rows_do_not_count_towards_today_s_limit(settings):
    settings.SEARCH_LOG_MAX_NEW_PER_DAY = 1
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    MissedSearch.objects.create(query="old", day=yesterday, found=0, count=5)

    searchlog.record("new", 0)

    assert MissedSearch.objects.filter(query="new").exists()


def test_a_row_made_by_another_request_at_the_same_moment_is_counted_on(monkeypatch):
    # The other request inserts between our update (which found nothing) and our insert.
    real_update = QuerySet.update
    calls = []

    def update_after_someone_else_inserted(queryset, **kwargs):
        if not calls:
            calls.append(kwargs)
            MissedSearch.objects.create(query="reflux", day=timezone.localdate(), found=2, count=1)
            return 0
        return real_update(queryset, **kwargs)

    monkeypatch.setattr(QuerySet, "update", update_after_someone_else_inserted)

    searchlog.record("reflux", 0)

    assert stored() == [("reflux", 2, 0)]


def test_a_database_error_is_logged_and_never_reaches_the_search_page(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise DatabaseError("database is locked")

    monkeypatch.setattr(QuerySet, "update", broken)

    with caplog.at_level(logging.WARNING, logger="search"):
        searchlog.record("colic", 0)

    assert [record.levelname for record in caplog.records if record.name == "search"] == ["WARNING"]
    assert "colic" not in caplog.text


def test_only_the_words_the_day_and_the_counts_are_stored():
    # No address, cookie, browser or time of day: adding a field means rethinking privacy.
    names = [field.name for field in MissedSearch._meta.get_fields()]

    assert names == ["id", "query", "day", "found", "count"]
