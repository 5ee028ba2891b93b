"""
E-mail each page's owner (or, for pages nobody owns, the clinical reviewers) about clinical
reviews that are overdue or due within 30 days. Meant for a daily cron job; see docs/operations.md.
"""

from django.conf import settings
from django.core.mail import mailers
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from editorial.reminders import compose, plan_reminders


class Command(BaseCommand):
    help = (
        "E-mail a reminder to each owner of a page whose clinical review is overdue or due "
        "within 30 days; pages with no owner go to every active Clinical reviewer. One e-mail "
        "per person. Run it once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the e-mails instead of sending them."
        )

    def handle(self, *args, dry_run=False, **options):
        today = timezone.localdate()
        messages = [compose(reminder, today) for reminder in plan_reminders(today)]
        if dry_run:
            for message in messages:
                self.stdout.write(f"To: {', '.join(message.to)}\nSubject: {message.subject}\n")
                self.stdout.write(message.body + "\n\n" + "-" * 72)
            self.stdout.write(f"Dry run: {len(messages)} e-mails would be sent; none was.")
            return
        self.warn_about_settings()
        if not messages:
            self.stdout.write("No page is due for review in the next 30 days: nothing to send.")
            return
        try:
            with mailers.default as connection:
                sent = connection.send_messages(messages)
        except OSError as error:  # smtplib's errors are OSErrors too
            raise CommandError(
                f"Could not send the review reminders: {error}. Check the DJANGO_EMAIL_* "
                "settings (see docs/configuration.md)."
            ) from error
        self.stdout.write(f"Sent {sent or 0} review reminder e-mails.")

    def warn_about_settings(self):
        """Say so clearly when the e-mails may go nowhere useful, but still try."""
        if settings.DEBUG:
            return
        if not settings.EMAIL_HOST_CONFIGURED:
            self.stderr.write(
                self.style.WARNING(
                    "DJANGO_EMAIL_HOST is not set, so the reminders are handed to a mail server "
                    "on this machine (localhost, port 25), if there is one. Set DJANGO_EMAIL_HOST "
                    "and the other DJANGO_EMAIL_* settings: see docs/configuration.md."
                )
            )
        if "//localhost" in settings.SITE_URL or "//127.0.0.1" in settings.SITE_URL:
            self.stderr.write(
                self.style.WARNING(
                    f"DJANGO_SITE_URL is {settings.SITE_URL}, so the links in the e-mails will "
                    "not work for anyone else. Set it to the site's public address."
                )
            )
