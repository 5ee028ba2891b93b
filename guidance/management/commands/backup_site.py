"""Write the whole site (database rows and uploaded files) to one .tar.gz archive."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from guidance.backup import media_files, row_counts, write_backup


class Command(BaseCommand):
    help = (
        "Back up every database row (portable JSON, restorable into SQLite or PostgreSQL) and "
        "every uploaded file into one .tar.gz. Restore it with restore_site."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help="Where to write the archive (default: var/backups/littlevoices-<time>.tar.gz).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be saved; write nothing."
        )

    def handle(self, *args, path=None, dry_run=False, **options):
        if dry_run:
            counts = row_counts()
            self.stdout.write(
                f"Would back up {sum(counts.values())} rows in {len(counts)} tables "
                f"and {len(list(media_files()))} uploaded files."
            )
            return
        if path is None:
            folder = settings.VAR_DIR / "backups"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"littlevoices-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        manifest = write_backup(path)
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {sum(manifest['rows'].values())} rows and "
                f"{len(manifest['media'])} files to {path}"
            )
        )
