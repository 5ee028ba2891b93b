"""
The editor of ``bench/loadtest.py``'s second phase: content changes every few seconds under load.

``manage.py publish_during_load --port 8123 --every 3 --duration 15 --article bench-article-00250``
makes one change every ``--every`` seconds, as many as fit in ``--duration``, each saved as the
admin saves it (in a transaction; the content version ends when it commits, so every page is
rendered afresh). In turn it edits the summary of ``--article`` (a page under load), then takes
another generated article off the site or puts it back, and asks the server over HTTP at once
for that article's page: it must answer 404 the moment it is off (never a stored copy) and 200
when it is back. The other article is left published at the end.

It prints ``ready`` when it starts counting time, and at the end one line of JSON:
``{"changes": 4, "checks": 2, "stale": ["/guidance/...: 200"]}``.
"""

import http.client
import json
import math
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.models import Status
from guidance.models import Article

from .generate_bench_data import ARTICLE_PREFIX

HOST = "127.0.0.1"
# As the load test's clients send it (the site runs with its HTTPS settings behind a proxy).
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


class Command(BaseCommand):
    help = "Change content every few seconds (for bench/loadtest.py)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, required=True)
        parser.add_argument("--every", type=float, default=3.0)
        parser.add_argument("--duration", type=float, required=True)
        parser.add_argument("--article", required=True, help="the slug of an article under load")

    def handle(self, *, port, every, duration, article, **options):
        if every <= 0:
            raise CommandError("--every must be more than 0.")
        edited = Article.objects.filter(slug=article).first()
        if edited is None:
            raise CommandError(f"No article {article!r}.")
        toggled = (
            Article.objects.filter(slug__startswith=ARTICLE_PREFIX, status=Status.PUBLISHED)
            .exclude(pk=edited.pk)
            .order_by("slug")
            .first()
        )
        # Every change falls within ``duration``, none at its very end (no load would follow).
        changes = math.ceil(duration / every) - 1
        checks, stale = 0, []
        self.stdout.write("ready")  # the load starts now, Django being loaded
        self.stdout.flush()
        start = time.monotonic()
        try:
            # On a fixed beat, so a slow change does not put the later ones off.
            for number in range(changes):
                time.sleep(max(0.0, start + (number + 1) * every - time.monotonic()))
                if toggled is not None and number % 2:
                    off = toggled.status == Status.PUBLISHED
                    save(toggled, status=Status.DRAFT if off else Status.PUBLISHED)
                    status = fetch(port, toggled.get_absolute_url())
                    checks += 1
                    if status != (404 if off else 200):
                        stale.append(f"{toggled.get_absolute_url()}: {status}")
                else:
                    plain_summary = edited.summary.split(" (change ")[0]
                    save(edited, summary=f"{plain_summary} (change {number})")
        finally:
            if toggled is not None and toggled.status != Status.PUBLISHED:
                save(toggled, status=Status.PUBLISHED)
        self.stdout.write(json.dumps({"changes": changes, "checks": checks, "stale": stale}))


def save(article, **fields):
    for name, value in fields.items():
        setattr(article, name, value)
    with transaction.atomic():
        article.save()


def fetch(port, path):
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("GET", path, headers=PROXY_HEADERS)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()
