"""
Remove a staff member's two-factor devices: their authenticator app and their backup codes.

For a lost, broken or replaced phone. At their next login, after their password, they set up an
authenticator app again from a new QR code and get new backup codes. Any session they have that
was verified with the old app stops opening the admin at once. Running it again does no harm.

    python manage.py reset_staff_2fa alex
    python manage.py reset_staff_2fa alex --dry-run
"""

import logging

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import devices

logger = logging.getLogger("littlevoices.security")


class Command(BaseCommand):
    help = (
        "Remove a staff member's authenticator app and backup codes, so that they set up "
        "two-factor login again at their next login (for a lost or replaced phone)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="the username of the staff member")
        parser.add_argument(
            "--dry-run", action="store_true", help="show what would be removed, remove nothing"
        )

    def handle(self, *args, username, dry_run, **options):
        User = get_user_model()
        try:
            user = User._default_manager.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"There is no user called {username!r}.") from None

        found = devices.all_devices(user)
        if not found:
            self.stdout.write(
                f"{username} has no two-factor devices: they will set up an authenticator app "
                "at their next login."
            )
            return
        for device in found:
            self.stdout.write(f"  {device._meta.verbose_name}: {device.name}")
        if dry_run:
            self.stdout.write(f"Dry run: {len(found)} device(s) of {username} would be removed.")
            return

        removed = devices.remove_devices(user)
        logger.warning(
            "Two-factor devices removed by reset_staff_2fa: %s",
            username,
            extra={"event": "devices_reset", "username": username, "count": len(removed)},
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Removed {len(removed)} device(s) of {username}. At their next login they will "
                "set up an authenticator app again."
            )
        )
