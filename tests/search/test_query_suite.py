"""
The search quality suite (tests/support/suite.py) run against the starter content, as a new site
has it with its synonyms and crisis words, loaded once for the module (the ``starter`` fixture).

- ``test_search_meets_quality_targets`` runs every query in queries.toml and holds search to the
  targets: the urgent panel for every crisis query, hit@1, hit@3 and the zero-result rate. The
  report is printed either way.
- ``test_top_three_match_the_committed_file`` holds every database to the same top three as
  top3.json (made on SQLite). ``UPDATE_SEARCH_TOP3=1`` rewrites that file instead.

See docs/search-quality.md.
"""

import json
import os
from collections import Counter

import pytest
from django.db import connection

from tests.support import suite

UPDATE_ENV = "UPDATE_SEARCH_TOP3"


def test_query_file_is_big_enough_and_covers_every_category():
    queries = suite.load_queries()
    counts = Counter(query.category for query in queries)

    assert len(queries) >= suite.MINIMUM_QUERIES
    short = {
        category: f"{counts[category]} < {minimum}"
        for category, minimum in suite.CATEGORY_MINIMUMS.items()
        if counts[category] < minimum
    }
    assert not short, f"categories below their minimum: {short}"


def test_search_meets_quality_targets(starter, capsys):
    report = suite.run_suite()
    text = suite.format_report(report)
    with capsys.disabled():
        print(f"\n\n[{connection.vendor}]\n{text}\n")

    assert not report.failures(), (
        f"[{connection.vendor}] " + "; ".join(report.failures()) + " (full report printed above)"
    )


def _read_top3():
    if not suite.TOP3_PATH.exists():
        return {"known_differences": {}, "top3": {}}
    with open(suite.TOP3_PATH, encoding="utf-8") as f:
        return json.load(f)


def _write_top3(known_differences, top3):
    data = {
        "_comment": (
            "Top three results per query in tests/search/queries.toml, made on SQLite with "
            f"{UPDATE_ENV}=1 (see docs/search-quality.md). Every database must give the same "
            "top three, except for the queries in known_differences, each with its reason."
        ),
        "known_differences": dict(sorted(known_differences.items())),
        "top3": top3,
    }
    with open(suite.TOP3_PATH, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2, ensure_ascii=False)
        f.write("\n")


def test_top_three_match_the_committed_file(starter):
    """Each query's top three are the same on this database as in top3.json."""
    queries = suite.load_queries()
    got = {query.q: list(suite.run_query(query).top3) for query in queries}
    stored = _read_top3()
    known = stored.get("known_differences", {})

    if os.environ.get(UPDATE_ENV) == "1":
        if connection.vendor != "sqlite":
            pytest.fail(f"top3.json is made on SQLite: run {UPDATE_ENV}=1 without DATABASE_URL")
        # Reasons for queries that are no longer in the file go with them.
        _write_top3({q: why for q, why in known.items() if q in got}, got)
        return

    if not suite.TOP3_PATH.exists():
        pytest.fail(f"tests/search/top3.json is missing: make it on SQLite with {UPDATE_ENV}=1")
    expected = stored.get("top3", {})
    problems = []
    for q, why in known.items():
        if q not in got:
            problems.append(f"known_differences names {q!r}, which is not in queries.toml")
        elif not isinstance(why, str) or not why.strip():
            problems.append(f"known_differences[{q!r}] needs a reason")
    for q in expected.keys() - got.keys():
        problems.append(f"{q!r} is in top3.json but not in queries.toml")
    for q, top in got.items():
        if q not in expected:
            problems.append(f"{q!r} is not in top3.json")
        elif top != expected[q] and q not in known:
            problems.append(
                f"{q!r}\n      top3.json: {expected[q]}\n      {connection.vendor}: {top}"
            )

    assert not problems, (
        f"{len(problems)} difference(s) from tests/search/top3.json on {connection.vendor}. "
        f"If the content or engine changed on purpose, regenerate it on SQLite with "
        f"{UPDATE_ENV}=1 and review the diff; if PostgreSQL's stemming differs from SQLite's, "
        "add the query to known_differences with the reason.\n  " + "\n  ".join(problems)
    )
