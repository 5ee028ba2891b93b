"""
Delete the counts of searches that found little once they are older than 90 days.

The counts only need to show editors what parents have looked for lately; keeping them longer
would keep more than the charity needs. Meant for a daily cron job, e.g.
``python manage.py prune_missed_searches``. Running it twice in a day does no harm.
"""

from core.pruning import PruneCommand
from search.models import MissedSearch

DEFAULT_DAYS = 90


class Command(PruneCommand):
    help = (
        "Delete the counts of searches that found little or nothing that are older than "
        f"{DEFAULT_DAYS} days (or --days). Meant for a daily cron job."
    )
    noun = "daily counts"
    days_help = f"Delete counts older than this many days (default {DEFAULT_DAYS})."
    by_day = True

    def default_days(self):
        return DEFAULT_DAYS

    def old(self, before):
        return MissedSearch.objects.filter(day__lt=before)
