"""Restore a backup made by backup_site into an empty, migrated database."""

from django.core.management.base import BaseCommand, CommandError

from guidance.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup_site archive: run `migrate` on an empty database first, then this. "
        "It refuses a database that already holds content unless --force is given."
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
            manifest = restore_backup(path, force=force)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {sum(manifest['rows'].values())} rows and {len(manifest['media'])} "
                f"files from a backup made {manifest['created']}."
            )
        )
