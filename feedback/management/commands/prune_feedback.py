"""
Delete "Was this page helpful?" comments once they are older than
``settings.FEEDBACK_RETENTION_DAYS`` (365 unless ``DJANGO_FEEDBACK_RETENTION_DAYS`` says
otherwise). The yes/no answers stay: they are counts with nothing about anyone in them. Meant
for a daily cron job, ``python manage.py prune_feedback``; running it twice in a day does no harm.
"""

from django.conf import settings

from core.pruning import PruneCommand
from feedback.models import Comment


class Command(PruneCommand):
    help = (
        "Delete page feedback comments older than FEEDBACK_RETENTION_DAYS (or --days); the "
        "yes/no answers are kept. Meant for a daily cron job."
    )
    noun = "comments"
    days_help = "Delete comments older than this many days (default: FEEDBACK_RETENTION_DAYS)."

    def default_days(self):
        return settings.FEEDBACK_RETENTION_DAYS

    def old(self, before):
        return Comment.objects.filter(created_at__lt=before)
