"""prune_missed_searches: counts older than 90 days (or --days) go, newer ones stay."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from search.models import MissedSearch

pytestmark = pytest.mark.django_db


def make_days_ago(*ages):
    today = timezone.localdate()
    for age in ages:
        MissedSearch.objects.create(
            query=f"{age} days ago", day=today - datetime.timedelta(days=age), found=0, count=1
        )


def kept_ages():
    today = timezone.localdate()
    return sorted((today - day).days for day in MissedSearch.objects.values_list("day", flat=True))


def prune(*args):
    out = StringIO()
    call_command("prune_missed_searches", *args, stdout=out)
    return out.getvalue()


def test_counts_older_than_90_days_are_deleted_and_newer_ones_kept():
    make_days_ago(0, 1, 89, 90, 91, 365)

    output = prune()

    assert kept_ages() == [0, 1, 89, 90]
    assert "Deleted 2 " in output


def test_running_it_again_deletes_nothing_more():
    make_days_ago(10, 100)
    prune()

    output = prune()

    assert kept_ages() == [10]
    assert "Deleted 0 " in output


def test_a_dry_run_deletes_nothing_and_says_how_many_would_go():
    make_days_ago(5, 95, 120)

    output = prune("--dry-run")

    assert kept_ages() == [5, 95, 120]
    assert "2 daily counts" in output
    assert "dry run" in output


def test_days_changes_how_long_counts_are_kept():
    make_days_ago(0, 6, 7, 8, 30)

    prune("--days", "7")

    assert kept_ages() == [0, 6, 7]


@pytest.mark.parametrize("days", ["0", "-5"])
def test_days_must_be_at_least_one(days):
    make_days_ago(0)

    with pytest.raises(CommandError):
        prune("--days", days)

    assert kept_ages() == [0]
