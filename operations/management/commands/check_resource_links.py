"""Check every published resource's web address and record what it answered."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from guidance.models import Resource
from operations.linkcheck import DEADLINE, any_address, check_urls, public_address


class Command(BaseCommand):
    help = (
        "Check each signposting resource's web address (HEAD, or GET when HEAD is refused, "
        "redirects followed, short timeout) and record the status for the admin dashboard. "
        "Addresses inside a private network are never visited. Meant for a daily cron job."
    )

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=5.0, help="Seconds per request.")
        parser.add_argument(
            "--deadline",
            type=float,
            default=DEADLINE,
            help="Most seconds one web address may take, redirects included.",
        )
        parser.add_argument(
            "--all", action="store_true", help="Check drafts too, not only published resources."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report, but record nothing."
        )

    def handle(self, *args, timeout, deadline=DEADLINE, all=False, dry_run=False, **options):
        resources = Resource.objects.all() if all else Resource.objects.published()
        resources = list(resources.exclude(url="").order_by("name"))
        allowed = any_address if settings.LINKCHECK_ALLOW_PRIVATE else public_address
        results = check_urls(
            [resource.url for resource in resources],
            timeout=timeout,
            deadline=deadline,
            allowed=allowed,
        )
        now = timezone.now()
        broken = 0
        for resource in resources:
            result = results[resource.url]
            resource.link_status, resource.link_error = result.status, result.error
            resource.link_checked_at = now
            if not result.ok:
                broken += 1
                problem = result.error or f"HTTP {result.status}"
                self.stdout.write(self.style.WARNING(f"{resource.name}: {resource.url}: {problem}"))
        if not dry_run:
            # update() rather than save(): a check is not an edit, so it makes no revision.
            for resource in resources:
                Resource.objects.filter(pk=resource.pk).update(
                    link_status=resource.link_status,
                    link_error=resource.link_error,
                    link_checked_at=resource.link_checked_at,
                )
        verb = "Checked" if not dry_run else "Checked (dry run, nothing recorded)"
        self.stdout.write(f"{verb} {len(resources)} web addresses: {broken} need attention.")
