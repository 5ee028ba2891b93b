"""
Delete "Was this page helpful?" comments once they are older than
``settings.FEEDBACK_RETENTION_DAYS`` (365 unless ``DJANGO_FEEDBACK_RETENTION_DAYS`` says
otherwise). The yes/no answers stay: they are counts with nothing about anyone in them. Meant
for a daily cron job, ``python manage.py prune_feedback``; running it twice in a day does no harm.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from feedback.models import Comment


class Command(BaseCommand):
    help = (
        "Delete page feedback comments older than FEEDBACK_RETENTION_DAYS (or --days); the "
        "yes/no answers are kept. Meant for a daily cron job."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Delete comments older than this many days (default: FEEDBACK_RETENTION_DAYS).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say how many would be deleted; delete nothing."
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.FEEDBACK_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        before = timezone.now() - datetime.timedelta(days=days)
        old = Comment.objects.filter(created_at__lt=before)
        if dry_run:
            self.stdout.write(
                f"{old.count()} comments from before {before:%Y-%m-%d %H:%M} would be deleted "
                "(dry run, nothing deleted)."
            )
            return
        deleted, _by_model = old.delete()
        self.stdout.write(f"Deleted {deleted} comments from before {before:%Y-%m-%d %H:%M}.")
