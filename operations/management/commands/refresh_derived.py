from django.core.management.base import BaseCommand

from operations import derived


class Command(BaseCommand):
    help = (
        "Work out every page's derived data again (clean HTML, plain text, reading age, phone "
        "numbers) and rebuild the search index. Safe to run at any time."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would change, and change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        changed = derived.refresh_all(dry_run=dry_run)
        verb = "would change" if dry_run else "changed"
        for model, count in changed.items():
            name = str(model._meta.verbose_name_plural).capitalize()
            self.stdout.write(f"{name}: {count} {verb}.")
        if not dry_run:
            self.stdout.write("Search index rebuilt.")
