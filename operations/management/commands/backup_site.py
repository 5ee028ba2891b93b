"""Write the whole site (database rows and uploaded files) to one .tar.gz archive."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from operations.backup import backed_up_media, row_counts, write_backup


class Command(BaseCommand):
    help = (
        "Back up every database row (portable JSON, restorable into SQLite or PostgreSQL) and "
        "every uploaded picture into one .tar.gz, readable only by the user who runs this. "
        "Restore it with restore_site."
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
                f"and {len(backed_up_media())} uploaded files."
            )
            return
        if path is None:
            folder = settings.VAR_DIR / "backups"
            # Backups hold password hashes and two-factor keys: for the owner's eyes only.
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            folder.chmod(0o700)  # made before backups were private, perhaps
            path = folder / f"littlevoices-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        try:
            manifest = write_backup(path)
        except OSError as error:
            raise CommandError(f"Could not write the backup: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {sum(manifest['rows'].values())} rows and "
                f"{len(manifest['media'])} files to {path}"
            )
        )
