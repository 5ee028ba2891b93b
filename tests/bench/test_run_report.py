"""bench/run.py's tables: each page against the bare Django view, and the budgets it names."""

import runpy

import pytest
from django.conf import settings

BENCH = settings.BASE_DIR / "bench"


@pytest.fixture
def run(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))  # run.py imports loadclient as a script does
    return runpy.run_path(str(BENCH / "run.py"), run_name="bench_run")


def results(run, **pages):
    """``{name: Measurement}`` from ``name=(requests per second, p99 in ms, errors)``."""
    return {
        name: run["Measurement"](rate, 0.001, p99 / 1000, errors, int(rate * 10))
        for name, (rate, p99, errors) in pages.items()
    }


def report(run, mode, measured):
    names = {"bare": run["BARE"], "trivial": run["TRIVIAL"]}
    found = {names.get(name, name): value for name, value in measured.items()}
    pages = [(name, f"/{index}/") for index, name in enumerate(found)]
    return run["table"]("a run", pages, found, mode)


def test_pages_are_compared_with_the_bare_view_and_the_in_stack_one(run):
    text = report(
        run,
        "off",
        results(run, bare=(4000, 5, 0), trivial=(2000, 5, 0), article=(1000, 20, 0)),
    )

    (row,) = [line for line in text.splitlines() if line.startswith("| article")]
    assert row.endswith("| 25% | 50% |")
    assert "Every page meets the throughput budget (25% of the bare view" in text


def test_a_cached_page_must_be_fast_at_the_99th_percentile_and_never_fail(run):
    text = report(
        run,
        "on",
        results(
            run,
            bare=(4000, 5, 0),
            trivial=(3600, 5, 0),
            home=(3400, 30, 0),
            article=(3000, 10, 2),
        ),
    )

    assert "(80% of the bare view with the page cache on): article." in text
    assert "Over the p99 budget (25.0 ms): home." in text
    assert "Errors or time-outs: article." in text
