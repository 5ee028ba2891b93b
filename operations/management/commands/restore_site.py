"""Restore a backup made by backup_site into an empty, migrated database."""

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup_site archive: run `migrate` on an empty database first, then this. "
        "It refuses a database that already holds content unless --force is given. The whole "
        "archive is checked first: anything odd in it (a file that is not a picture, a row the "
        "site would not accept, something too big) and nothing is restored."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The .tar.gz written by backup_site.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even if the database is not empty (rows with the same keys are replaced).",
        )

    def handle(self, *args, path, force=False, **options):
        try:
            restored = restore_backup(path, force=force)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        # What was loaded and written, not what the manifest claims.
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {restored.rows} rows and {restored.files} files from a backup made "
                f"{restored.manifest.get('created', 'at an unknown time')}."
            )
        )
