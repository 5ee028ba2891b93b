"""
Delete the counts of searches that found little once they are older than 90 days.

The counts only need to show editors what parents have looked for lately; keeping them longer
would keep more than the charity needs. Meant for a daily cron job, e.g.
``python manage.py prune_missed_searches``. Running it twice in a day does no harm.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from search.models import MissedSearch

DEFAULT_DAYS = 90


class Command(BaseCommand):
    help = (
        "Delete the counts of searches that found little or nothing that are older than "
        f"{DEFAULT_DAYS} days (or --days). Meant for a daily cron job."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=DEFAULT_DAYS,
            help=f"Delete counts older than this many days (default {DEFAULT_DAYS}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say how many would be deleted; delete nothing."
        )

    def handle(self, *args, days, dry_run=False, **options):
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        before = timezone.localdate() - datetime.timedelta(days=days)
        old = MissedSearch.objects.filter(day__lt=before)
        if dry_run:
            self.stdout.write(
                f"{old.count()} daily counts from before {before:%Y-%m-%d} would be deleted "
                "(dry run, nothing deleted)."
            )
            return
        deleted, _by_model = old.delete()
        self.stdout.write(f"Deleted {deleted} daily counts from before {before:%Y-%m-%d}.")
