"""Check every outbound link on every published page and record what each address answered."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from core import kinds
from core.checkedlinks import CheckedLink
from operations.linkcheck import DEADLINE, any_address, check_urls, public_address
from operations.pagelinks import published_links

MAX_LINKS_PER_PAGE = 200
MAX_URLS = 5000
WORKERS = 8
PER_HOST_RATE = 1.0


class Command(BaseCommand):
    help = (
        "Check every outbound web link on published pages: article and page bodies, tip pages "
        "and their tips, sources, and the web address of each help and support entry. Each "
        "distinct address is checked once (HEAD, or GET when HEAD is refused, redirects "
        "followed, short timeout), a few at a time and gently for each site. The results are "
        "listed on the editorial dashboard and on each page's form. mailto:, tel:, sms: and "
        "links within the site are not fetched; addresses inside a private network are never "
        "visited. Meant for a daily cron job."
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
            "--workers",
            type=int,
            default=WORKERS,
            help=f"How many sites are checked at the same time (default {WORKERS}).",
        )
        parser.add_argument(
            "--per-host-rate",
            type=float,
            default=PER_HOST_RATE,
            help=(
                "Most requests a second to any one site, which also gets one request at a time "
                f"(default {PER_HOST_RATE:g})."
            ),
        )
        parser.add_argument(
            "--max-links-per-page",
            type=int,
            default=MAX_LINKS_PER_PAGE,
            help=f"Links checked on one page; the rest are skipped (default {MAX_LINKS_PER_PAGE}).",
        )
        parser.add_argument(
            "--max-urls",
            type=int,
            default=MAX_URLS,
            help=f"Distinct addresses checked in one run; the rest wait (default {MAX_URLS}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report, but record nothing."
        )

    def handle(self, *args, **options):
        for name in ("workers", "max_links_per_page", "max_urls"):
            if options[name] < 1:
                raise CommandError(f"--{name.replace('_', '-')} must be 1 or more.")
        if options["per_host_rate"] <= 0:
            raise CommandError("--per-host-rate must be more than 0.")

        found, over_limit = self.find_links(options["max_links_per_page"], options["max_urls"])
        urls = list(dict.fromkeys(link.url for link in found))
        results = check_urls(
            urls,
            timeout=options["timeout"],
            workers=options["workers"],
            deadline=options["deadline"],
            allowed=any_address if settings.LINKCHECK_ALLOW_PRIVATE else public_address,
            per_host_rate=options["per_host_rate"],
        )
        now = timezone.now()
        for link in found:
            result = results[link.url]
            if not result.ok:
                problem = result.error or f"HTTP {result.status}"
                self.stdout.write(
                    self.style.WARNING(f"{link.page} ({link.place}): {link.url}: {problem}")
                )
        if not options["dry_run"]:
            with transaction.atomic():
                record_links(found, results, now)
                record_contact_addresses(results, now)
        if over_limit:
            self.stdout.write(
                self.style.WARNING(
                    f"{over_limit} links not checked: more than {options['max_urls']} addresses."
                )
            )
        broken = sum(1 for result in results.values() if not result.ok)
        verb = "Checked" if not options["dry_run"] else "Checked (dry run, nothing recorded)"
        self.stdout.write(f"{verb} {len(urls)} web addresses: {broken} need attention.")

    def find_links(self, max_per_page, max_urls):
        """The links to check, and how many were left out for new addresses over ``max_urls``
        (a page over ``max_per_page`` is reported as it is read)."""
        found, urls, over_limit = [], set(), 0
        for page, links, cut_short in published_links(max_per_page):
            if cut_short:
                self.stdout.write(
                    self.style.WARNING(
                        f"{page}: more than {max_per_page} links, only the first are checked."
                    )
                )
            for link in links:
                if link.url not in urls and len(urls) >= max_urls:
                    over_limit += 1
                    continue
                urls.add(link.url)
                found.append(link)
        return found, over_limit


def record_links(found, results, now):
    """One row per link found; rows for links no longer found (edited out, page unpublished or
    deleted) go. A link that fails keeps the time it first failed."""
    content_types = {
        kind.model: ContentType.objects.get_for_model(kind.model) for kind in kinds.all_kinds()
    }
    existing = {
        (row.content_type_id, row.object_id, row.place, row.url): row
        for row in CheckedLink.objects.all()
    }
    new, changed, seen = [], [], set()
    for link in found:
        result = results[link.url]
        key = (content_types[type(link.page)].pk, link.page.pk, link.place, link.url)
        seen.add(key)
        row = existing.get(key) or CheckedLink(
            content_type_id=key[0], object_id=key[1], place=link.place, url=link.url
        )
        was_broken = row.pk is not None and row.is_broken
        row.text, row.status, row.error, row.checked_at = (
            link.text,
            result.status,
            result.error,
            now,
        )
        if not row.is_broken:
            row.first_broken_at = None
        elif not was_broken or row.first_broken_at is None:
            row.first_broken_at = now
        (changed if row.pk else new).append(row)
    stale = [row.pk for key, row in existing.items() if key not in seen]
    for start in range(0, len(stale), 500):
        CheckedLink.objects.filter(pk__in=stale[start : start + 500]).delete()
    CheckedLink.objects.bulk_create(new, batch_size=500)
    CheckedLink.objects.bulk_update(
        changed, ["text", "status", "error", "checked_at", "first_broken_at"], batch_size=500
    )


def record_contact_addresses(results, now):
    """The web address status that the resource screens show (``link_status`` and friends)."""
    for kind in kinds.where(contact_details=True):
        pages = kind.model.objects.published().exclude(url="").values_list("pk", "url")
        for pk, url in pages:
            result = results.get(url.strip())
            if result is None:
                continue
            # update() rather than save(): a check is not an edit, so it makes no revision.
            kind.model.objects.filter(pk=pk).update(
                link_status=result.status, link_error=result.error, link_checked_at=now
            )
