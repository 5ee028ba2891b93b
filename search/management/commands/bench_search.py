"""
Time the search view in this process, for ``make bench`` (see bench/README.md).

``python manage.py bench_search`` sends each query of a mix (sentences, everyday words, typos,
crisis words, service names) to the search view ``--repeat`` times, straight through the view
function with no page cache, and prints the median and 95th percentile in milliseconds, against
the budget (30 ms at the 95th percentile). ``--queries FILE`` reads the mix from a TOML file of
``[[query]] q = "..."`` entries instead (the project's search-quality suite has one).

It reads only; the anonymous count of searches that found little (``search.searchlog``) is
written as it would be for a parent, since that is part of what a search costs.
"""

import statistics
import time
import tomllib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import RequestFactory

from search.views import search

BUDGET_MS = 30.0
QUERIES = [
    "baby wont stop crying",
    "crying baby",
    "my baby screams every evening and i cant calm her",
    "sleep",
    "tummy time",
    "play ideas newborn",
    "PND",
    "postnatel depresion",
    "helth visiter",
    "colick",
    "knackered",
    "daycare",
    "suicidal",
    "i want to hurt myself",
    "samaritans",
    "nhs 111",
    "how do i bond with my baby before birth",
    "eye contact",
    "xylophone",
    "- - - - - - - - - - - - - - - - - - - -",
]


class Command(BaseCommand):
    help = "Time the search view for a mix of parents' queries and print p50 and p95 in ms."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=5, help="Times each query is sent.")
        parser.add_argument("--queries", help="A TOML file of [[query]] q = ... entries.")

    def handle(self, *args, **options):
        if options["repeat"] < 1:
            raise CommandError("--repeat must be at least 1.")
        queries = self.load(options["queries"]) if options["queries"] else QUERIES
        factory = RequestFactory(HTTP_HOST=allowed_host())
        search(factory.get("/search/", {"q": "warm up"}))  # word lists, caches, connection
        times = []
        for _round in range(options["repeat"]):
            for query in queries:
                request = factory.get("/search/", {"q": query})
                start = time.perf_counter()
                response = search(request)
                times.append((time.perf_counter() - start) * 1000)
                if response.status_code not in (200, 400):
                    raise CommandError(f"{query!r} answered {response.status_code}")
        times.sort()
        p50 = statistics.median(times)
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        verdict = "within" if p95 <= BUDGET_MS else "OVER"
        self.stdout.write(
            f"search view, in process: {len(times)} searches of {len(queries)} queries, "
            f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms "
            f"({verdict} the {BUDGET_MS:.0f} ms budget at p95)"
        )

    @staticmethod
    def load(path):
        try:
            with open(path, "rb") as file:
                entries = tomllib.load(file).get("query", [])
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        queries = [entry["q"] for entry in entries if isinstance(entry.get("q"), str)]
        if not queries:
            raise CommandError(f"{path} holds no [[query]] q = ... entries.")
        return queries


def allowed_host():
    """A host name the settings accept, for the requests made here."""
    for host in settings.ALLOWED_HOSTS:
        host = host.lstrip(".")
        if host and host != "*":
            return host
    return "localhost"
