from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.support.factories import make_article

pytestmark = pytest.mark.django_db


def test_bench_search_prints_p50_and_p95_for_the_query_mix():
    make_article(title="Crying at night")
    out = StringIO()

    call_command("bench_search", "--repeat", "1", stdout=out)

    assert "search view, in process: 20 searches of 20 queries" in out.getvalue()
    assert "p95" in out.getvalue()
    assert "budget at p95" in out.getvalue()


def test_bench_search_reads_queries_from_a_toml_file(tmp_path):
    queries = tmp_path / "queries.toml"
    queries.write_text('[[query]]\nq = "crying"\n\n[[query]]\nq = "sleep"\n')
    out = StringIO()

    call_command("bench_search", "--repeat", "2", "--queries", str(queries), stdout=out)

    assert "4 searches of 2 queries" in out.getvalue()


def test_bench_search_refuses_a_file_without_queries(tmp_path):
    empty = tmp_path / "empty.toml"
    empty.write_text("")

    with pytest.raises(CommandError):
        call_command("bench_search", "--queries", str(empty))
