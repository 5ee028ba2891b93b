"""
The shape of a command that deletes rows once they are older than a number of days.

Each such command (``prune_feedback``, ``prune_missed_searches``) says what it deletes and for
how long it is kept; this class gives them the same ``--days`` and ``--dry-run`` and the same
report. Meant for daily cron jobs: running one twice in a day does no harm.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class PruneCommand(BaseCommand):
    """Delete what ``old(before)`` finds, ``before`` being ``--days`` days ago.

    A subclass sets ``help``, ``noun`` (what the rows are called in the report, e.g.
    "comments") and ``days_help``, and gives ``default_days()`` and ``old()``. With ``by_day``
    the cut-off is the start of a local day (for rows kept per day); otherwise it is this
    moment, that many days ago.
    """

    noun = "rows"
    days_help = "Delete rows older than this many days."
    by_day = False

    def default_days(self):
        """How many days rows are kept when ``--days`` is not given."""
        raise NotImplementedError

    def old(self, before):
        """The rows older than ``before`` (a date with ``by_day``, otherwise a moment)."""
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help=self.days_help)
        parser.add_argument(
            "--dry-run", action="store_true", help="Say how many would be deleted; delete nothing."
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        days = self.default_days() if days is None else days
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        if self.by_day:
            before = timezone.localdate() - datetime.timedelta(days=days)
            shown = f"{before:%Y-%m-%d}"
        else:
            before = timezone.now() - datetime.timedelta(days=days)
            shown = f"{before:%Y-%m-%d %H:%M}"
        old = self.old(before)
        if dry_run:
            self.stdout.write(
                f"{old.count()} {self.noun} from before {shown} would be deleted "
                "(dry run, nothing deleted)."
            )
            return
        deleted, _by_model = old.delete()
        self.stdout.write(f"Deleted {deleted} {self.noun} from before {shown}.")
