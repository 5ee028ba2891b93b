"""
The search quality suite: what parents type, run through site search, measured against what a
health visitor would want them to see first.

``tests/search/queries.toml`` holds the queries and their expected pages; ``run_suite()`` runs
them through ``search.engine.search_site`` and returns a ``Report``; ``format_report()`` prints
it. Pages are named "kind:slug", e.g. "article:bonding-in-pregnancy" or "resource:samaritans".

Run it with ``pytest tests/search/test_query_suite.py`` (see docs/search-quality.md).
"""

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# The data stays beside the suite's tests, where docs/search-quality.md and bench/run.py look.
SEARCH_TESTS = Path(__file__).resolve().parents[1] / "search"
QUERIES_PATH = SEARCH_TESTS / "queries.toml"
TOP3_PATH = SEARCH_TESTS / "top3.json"

KINDS = ("article", "tip_page", "resource")

# Fewest queries per category the file must hold, and the fewest in all.
CATEGORY_MINIMUMS = {
    "sentence": 12,
    "colloquial": 10,
    "typo": 8,
    "abbreviation": 4,
    "crisis": 10,
    "service": 8,
    "stem": 6,
    "topic": 6,
}
CATEGORIES = tuple(CATEGORY_MINIMUMS)
MINIMUM_QUERIES = 60
MAX_EXPECTED = 4

# The targets the suite holds search to.
TARGET_CRISIS = 1.0  # every crisis query opens with the urgent panel
TARGET_HIT_AT_1 = 0.85  # the top result is an expected page
TARGET_HIT_AT_3 = 0.95  # an expected page is in the top three
TARGET_ZERO_RESULTS = 0.05  # at most this share of non-crisis queries find nothing


class QueryFileError(ValueError):
    """queries.toml is not in the shape the suite needs."""


@dataclass(frozen=True)
class Query:
    q: str
    category: str
    expect: tuple[str, ...]
    crisis: bool = False


def load_queries(path: Path = QUERIES_PATH) -> list[Query]:
    """Read and check queries.toml. Raises QueryFileError on anything malformed."""
    with open(path, "rb") as f:
        data = tomllib.load(f)
    entries = data.get("query")
    if not isinstance(entries, list) or not entries:
        raise QueryFileError(f"{path.name}: no [[query]] entries")
    queries, seen = [], set()
    for number, entry in enumerate(entries, start=1):
        where = f"{path.name}, query {number}"
        unknown = set(entry) - {"q", "category", "expect", "crisis"}
        if unknown:
            raise QueryFileError(f"{where}: unknown keys {sorted(unknown)}")
        q = entry.get("q")
        if not isinstance(q, str) or not q.strip():
            raise QueryFileError(f"{where}: q must be a non-empty string")
        where = f"{where} ({q!r})"
        if q in seen:
            raise QueryFileError(f"{where}: listed twice")
        seen.add(q)
        category = entry.get("category")
        if category not in CATEGORIES:
            raise QueryFileError(f"{where}: category must be one of {', '.join(CATEGORIES)}")
        crisis = entry.get("crisis", False)
        if not isinstance(crisis, bool):
            raise QueryFileError(f"{where}: crisis must be true or false")
        if (category == "crisis") != crisis:
            raise QueryFileError(f"{where}: crisis = true exactly when category is crisis")
        expect = entry.get("expect", [])
        if not isinstance(expect, list) or not all(isinstance(e, str) for e in expect):
            raise QueryFileError(f"{where}: expect must be a list of 'kind:slug' strings")
        if len(expect) > MAX_EXPECTED or (not expect and not crisis):
            raise QueryFileError(f"{where}: expect must list 1 to {MAX_EXPECTED} pages")
        for page in expect:
            kind, _, slug = page.partition(":")
            if kind not in KINDS or not slug:
                raise QueryFileError(f"{where}: {page!r} is not 'kind:slug' ({', '.join(KINDS)})")
        if len(set(expect)) != len(expect):
            raise QueryFileError(f"{where}: expect lists a page twice")
        queries.append(Query(q=q, category=category, expect=tuple(expect), crisis=crisis))
    return queries


def page_id(result) -> str:
    return f"{result.kind}:{result.obj.slug}"


def top3(results) -> list[str]:
    """The first three results of a ``search_site`` answer, as "kind:slug"."""
    return [page_id(result) for result in results.items[:3]]


def panel(results) -> list[str]:
    """The lines of the urgent panel a crisis search opens with (none for other searches)."""
    if not results.crisis:
        return []
    return [f"resource:{resource.slug}" for resource in results.crisis_resources]


@dataclass(frozen=True)
class Outcome:
    query: Query
    top3: tuple[str, ...]
    # The urgent panel's lines: it opens the page, so an expected line in it is a hit at 1.
    panel: tuple[str, ...]
    count: int
    crisis: bool
    corrected: str | None

    @property
    def judged(self) -> bool:
        """Counted in hit@1 and hit@3: the query names expected pages."""
        return bool(self.query.expect)

    @property
    def hit1(self) -> bool:
        in_panel = any(page in self.query.expect for page in self.panel)
        return in_panel or (bool(self.top3) and self.top3[0] in self.query.expect)

    @property
    def hit3(self) -> bool:
        return any(page in self.query.expect for page in (*self.panel, *self.top3))

    @property
    def crisis_ok(self) -> bool:
        return self.crisis == self.query.crisis


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class Figures:
    """The measures over one group of outcomes (the whole file or one category)."""

    outcomes: list[Outcome]

    @property
    def size(self) -> int:
        return len(self.outcomes)

    @property
    def crisis_queries(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.query.crisis]

    @property
    def other_queries(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.query.crisis]

    @property
    def judged(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.judged]

    @property
    def crisis_compliance(self) -> float | None:
        crisis = self.crisis_queries
        return _share(sum(o.crisis for o in crisis), len(crisis))

    @property
    def wrongly_flagged(self) -> list[Outcome]:
        """Non-crisis queries that opened with the urgent panel anyway."""
        return [o for o in self.other_queries if o.crisis]

    @property
    def hit_at_1(self) -> float | None:
        judged = self.judged
        return _share(sum(o.hit1 for o in judged), len(judged))

    @property
    def hit_at_3(self) -> float | None:
        judged = self.judged
        return _share(sum(o.hit3 for o in judged), len(judged))

    @property
    def zero_results(self) -> list[Outcome]:
        """Non-crisis queries that found nothing at all."""
        return [o for o in self.other_queries if o.count == 0]

    @property
    def zero_result_rate(self) -> float | None:
        return _share(len(self.zero_results), len(self.other_queries))


@dataclass
class Report(Figures):
    missing_pages: list[str] = field(default_factory=list)

    @property
    def by_category(self) -> dict[str, Figures]:
        return {
            category: Figures([o for o in self.outcomes if o.query.category == category])
            for category in CATEGORIES
        }

    @property
    def misses(self) -> list[Outcome]:
        """Judged queries whose top result is not an expected page (in file order)."""
        return [o for o in self.judged if not o.hit1]

    @property
    def crisis_misses(self) -> list[Outcome]:
        return [o for o in self.crisis_queries if not o.crisis]

    def failures(self) -> list[str]:
        """The targets this run falls short of, in words; empty when all are met."""
        failed = []
        if self.missing_pages:
            failed.append(
                "expected pages that do not exist: " + ", ".join(sorted(self.missing_pages))
            )
        if (self.crisis_compliance or 0) < TARGET_CRISIS:
            failed.append(f"crisis compliance {_pct(self.crisis_compliance)} < 100%")
        if (self.hit_at_1 or 0) < TARGET_HIT_AT_1:
            failed.append(f"hit@1 {_pct(self.hit_at_1)} < {_pct(TARGET_HIT_AT_1)}")
        if (self.hit_at_3 or 0) < TARGET_HIT_AT_3:
            failed.append(f"hit@3 {_pct(self.hit_at_3)} < {_pct(TARGET_HIT_AT_3)}")
        if (self.zero_result_rate or 0) > TARGET_ZERO_RESULTS:
            failed.append(
                f"zero-result rate {_pct(self.zero_result_rate)} > {_pct(TARGET_ZERO_RESULTS)}"
            )
        return failed


def existing_pages() -> set[str]:
    """Every page search could return, as "kind:slug", published or not."""
    from guidance.models import Article, Resource
    from tips.models import TipPage

    pages = set()
    for kind, model in (("article", Article), ("tip_page", TipPage), ("resource", Resource)):
        pages.update(f"{kind}:{slug}" for slug in model.objects.values_list("slug", flat=True))
    return pages


def run_query(query: Query, nation=None) -> Outcome:
    from search.engine import search_site

    results = search_site(query.q, nation=nation)
    return Outcome(
        query=query,
        top3=tuple(top3(results)),
        panel=tuple(panel(results)),
        count=len(results.items),
        crisis=bool(results.crisis),
        corrected=results.corrected,
    )


def run_suite(queries: Iterable[Query] | None = None, nation=None) -> Report:
    """Run every query through site search. Needs the starter content in the database."""
    queries = load_queries() if queries is None else list(queries)
    outcomes = [run_query(query, nation=nation) for query in queries]
    expected = {page for query in queries for page in query.expect}
    return Report(outcomes=outcomes, missing_pages=sorted(expected - existing_pages()))


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _count(part: int, whole: int) -> str:
    return f"{part}/{whole}"


def _describe(outcome: Outcome) -> str:
    got = ", ".join(outcome.top3) if outcome.top3 else "(no results)"
    if outcome.count > 3:
        got += f"  (+{outcome.count - 3} more)"
    lines = [f"  [{outcome.query.category}] {outcome.query.q!r}"]
    if outcome.corrected:
        lines[0] += f"  -> searched as {outcome.corrected!r}"
    if outcome.judged:
        where = "in top 3" if outcome.hit3 else "NOT in top 3"
        lines[0] += f"  ({where})"
        lines.append(f"      expected: {', '.join(outcome.query.expect)}")
    lines.append(f"      got:      {got}")
    return "\n".join(lines)


def format_report(report: Report) -> str:
    judged = report.judged
    crisis = report.crisis_queries
    other = report.other_queries
    lines = [
        "Search quality suite",
        "=" * 20,
        f"{report.size} queries ({len(crisis)} crisis, {len(judged)} with expected pages)",
        "",
        f"crisis compliance  {_pct(report.crisis_compliance):>5}  "
        f"{_count(sum(o.crisis for o in crisis), len(crisis))} crisis queries show the panel"
        f"   (target 100%)",
        f"hit@1              {_pct(report.hit_at_1):>5}  "
        f"{_count(sum(o.hit1 for o in judged), len(judged))}"
        f"   (target >= {_pct(TARGET_HIT_AT_1)})",
        f"hit@3              {_pct(report.hit_at_3):>5}  "
        f"{_count(sum(o.hit3 for o in judged), len(judged))}"
        f"   (target >= {_pct(TARGET_HIT_AT_3)})",
        f"zero-result rate   {_pct(report.zero_result_rate):>5}  "
        f"{_count(len(report.zero_results), len(other))} non-crisis queries found nothing"
        f"   (target <= {_pct(TARGET_ZERO_RESULTS)})",
        f"wrongly flagged    {len(report.wrongly_flagged):>5}  "
        "non-crisis queries that opened with the urgent panel",
        f"non-crisis only    hit@1 {_pct(Figures(other).hit_at_1)}, "
        f"hit@3 {_pct(Figures(other).hit_at_3)}   (crisis queries' lists below the panel left out)",
        "",
        "By category           n   hit@1   hit@3   zero   crisis",
    ]
    for category, figures in report.by_category.items():
        lines.append(
            f"  {category:<16} {figures.size:>4}  {_pct(figures.hit_at_1):>6}  "
            f"{_pct(figures.hit_at_3):>6}  {_pct(figures.zero_result_rate):>5}  "
            f"{_pct(figures.crisis_compliance):>6}"
        )

    def section(title, outcomes):
        lines.extend(["", f"{title} ({len(outcomes)})"])
        lines.extend(_describe(o) for o in outcomes)
        if not outcomes:
            lines.append("  none")

    if report.missing_pages:
        lines.extend(["", "Expected pages that do not exist (fix queries.toml or the content)"])
        lines.extend(f"  {page}" for page in report.missing_pages)
    section("Crisis queries without the urgent panel", report.crisis_misses)
    section("Non-crisis queries with the urgent panel", report.wrongly_flagged)
    section("Misses: top result not expected", report.misses)
    section("Non-crisis queries with no results", report.zero_results)
    failures = report.failures()
    lines.extend(["", "Targets: " + ("all met" if not failures else "; ".join(failures))])
    return "\n".join(lines)
