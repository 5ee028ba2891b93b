"""Measure the reading age and word count of every article and tip page again."""

from django.conf import settings
from django.core.management.base import BaseCommand

from guidance.models import Article
from guidance.readability import article_blocks, measure, measure_tip_page
from tips.models import TipPage


class Command(BaseCommand):
    help = (
        "Measure the reading age and word count of every article and tip page again and "
        "print them, e.g. after an upgrade changes how they are measured or after restoring "
        "a backup. It changes no content and makes no revisions."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the measurements but store nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        count = above = 0
        for model, label in ((Article, "Article"), (TipPage, "Tip page")):
            for page in model.objects.order_by("title"):
                if model is Article:
                    reading_age, word_count = measure(article_blocks(page))
                else:
                    reading_age, word_count = measure_tip_page(page.pk)
                if not dry_run:
                    # An update, not save(): measuring is not an edit (no revision, no version).
                    model.objects.filter(pk=page.pk).update(
                        reading_age=reading_age, word_count=word_count
                    )
                age = "not measured" if reading_age is None else f"reading age {reading_age}"
                self.stdout.write(f"{label}: {page.title}: {age}, {word_count} words")
                count += 1
                above += reading_age is not None and reading_age > settings.READING_AGE_TARGET
        verb = "Would measure" if dry_run else "Measured"
        self.stdout.write(
            f"{verb} {count} pages; {above} above the target reading age of "
            f"{settings.READING_AGE_TARGET}."
        )
