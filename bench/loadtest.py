"""
Hold the public pages under a bounded load and fail on any error (docs/quality-and-benchmarks.md).

``.venv/bin/python bench/loadtest.py`` (``make loadtest``) sets up a throwaway site as
``run.py`` does (a new SQLite database in a temporary folder, or ``--database-url``, a throwaway
database on this machine), serves it with ``gunicorn -c gunicorn.conf.py`` as production does
(DEBUG off, HTTPS settings on behind a proxy, the page cache as configured by ``--cache``), and
sends ``--connections`` concurrent clients (default 50) for ``--duration`` seconds (default 30)
at every public page type in turn: home, lists, an article, tips, a tip page, /help/ with and
without a nation, search, a simple page and a page that does not exist (which must be a 404).

It prints requests, requests per second, median and 99th percentile latency, and every error,
and exits 1 if any request failed (a connection error, a timeout or an unexpected status).

Then the login flood: /help/ is loaded alone for ``--flood-duration`` seconds, and again while
``--flood-connections`` clients post wrong logins as fast as they can (``loginflood.py``). The
per-address limit must refuse the flood cheaply: it fails if /help/'s median during the flood
is more than three times its median alone (plus 25 ms), or if any login post got a 5xx.
``--login-rate-limit 0`` turns the limit off, to see what it saves.

Everything talks to 127.0.0.1 only. CI runs it on SQLite and on PostgreSQL.
"""

import argparse
import shutil
import signal
import sys
import tempfile
import textwrap
import threading
from pathlib import Path

from loadclient import run_load
from loginflood import flood_login
from run import (
    HOST,
    PROXY_HEADERS,
    BenchError,
    base_environment,
    check_local,
    free_port,
    gunicorn,
    manage,
    ms,
    non_negative,
    pages_for,
    positive,
    progress,
)

# Paths that must answer 200; the trivial view is the benchmark's, not a public page.
EXTRA_PAGES = ["/about/", "/tips/?page=1", "/guidance/?topic=sleep"]
# The staff login under the default admin path (DJANGO_ADMIN_PATH is not set here).
LOGIN_PATH = "/admin/account/login/"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument("--connections", type=positive(int), default=50)
    parser.add_argument("--duration", type=positive(float), default=30.0)
    parser.add_argument("--articles", type=non_negative(int), default=500)
    parser.add_argument("--workers", type=positive(int), default=4)
    parser.add_argument("--cache", choices=["off", "on"], default="on")
    parser.add_argument("--database-url", help="a THROWAWAY database on this machine")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--flood-duration", type=non_negative(float), default=10.0)
    parser.add_argument("--flood-connections", type=positive(int), default=4)
    parser.add_argument(
        "--login-rate-limit", type=non_negative(int), help="the site's limit (default: its own)"
    )
    args = parser.parse_args(argv)
    # run.py's helpers read these.
    args.no_recycle = False
    if args.database_url:
        check_local(parser, args.database_url)
    return args


def public_paths(articles):
    pages = [path for name, path in pages_for(max(articles, 1)) if name != "trivial view"]
    return [*pages, *EXTRA_PAGES]


def main(argv=None):
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    tmp = Path(tempfile.mkdtemp(prefix="littlevoices-loadtest-"))
    database = "PostgreSQL" if args.database_url else "SQLite"
    try:
        env = base_environment(tmp, args)
        progress(f"Load test on {database}: setting up {args.articles} articles...")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        manage(env, "load_starter_content")
        generate = ["generate_bench_data", "--articles", str(args.articles), "--force"]
        progress(textwrap.indent(manage(env, *generate, "--seed", str(args.seed)), "  "))
        port = free_port()
        server_env = {
            **env,
            "PORT": str(port),
            "GUNICORN_BIND": f"{HOST}:{port}",
            "WEB_CONCURRENCY": str(args.workers),
            "GUNICORN_LOG_LEVEL": "warning",
            "DJANGO_PAGE_CACHE": "1" if args.cache == "on" else "0",
            "DJANGO_VAR_DIR": str(tmp / "var-serve"),
        }
        if args.login_rate_limit is not None:
            server_env["DJANGO_LOGIN_RATE_LIMIT"] = str(args.login_rate_limit)
        paths = public_paths(args.articles)
        progress(
            f"{args.connections} clients for {args.duration:g} s on {len(paths)} page types, "
            f"page cache {args.cache}, {args.workers} gunicorn workers, port {port}..."
        )
        with gunicorn(server_env, tmp, "loadtest", args):
            result = run_load(
                HOST,
                port,
                paths,
                duration=args.duration,
                connections=args.connections,
                headers=PROXY_HEADERS,
            )
            flood = login_flood(port, args) if args.flood_duration else None
        print(
            f"| database | clients | seconds | requests | requests/s | p50 | p99 | errors |\n"
            f"|---|---:|---:|---:|---:|---:|---:|---:|\n"
            f"| {database} | {args.connections} | {result.seconds:.0f} | {result.requests} | "
            f"{result.requests_per_second:.0f} | {ms(result.percentile(0.5))} | "
            f"{ms(result.percentile(0.99))} | {result.errors} |",
            flush=True,
        )
        if result.requests == 0:
            progress("No request was answered.")
            return 1
        if result.errors:
            for what, count in sorted(result.failures.items()):
                progress(f"  {what}: {count} times")
            return 1
        progress("No errors.")
        return 0 if flood is None or report_flood(database, flood) else 1
    except BenchError as error:
        progress(f"Load test failed: {error}")
        return 1
    except KeyboardInterrupt:
        progress("Interrupted.")
        return 130
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def login_flood(port, args):
    """/help/ alone, then /help/ while the login is flooded: the two loads and the answers."""
    help_load = {"duration": args.flood_duration, "connections": 8, "headers": PROXY_HEADERS}
    alone = run_load(HOST, port, "/help/", **help_load)
    answers = {}

    def flood():
        answers.update(
            flood_login(
                HOST,
                port,
                LOGIN_PATH,
                duration=args.flood_duration,
                connections=args.flood_connections,
                headers=PROXY_HEADERS,
            )
        )

    flooding = threading.Thread(target=flood, daemon=True)
    flooding.start()
    during = run_load(HOST, port, "/help/", **help_load)
    flooding.join(args.flood_duration + 30)
    return alone, during, answers


def report_flood(database, flood):
    """Print the flood's figures; ``False`` if the login flood slowed /help/ or got a 5xx."""
    alone, during, answers = flood
    refused = answers.get(429, 0)
    posts = sum(answers.values())
    print(
        f"| database | /help/ p50 alone | /help/ p50 during login flood | login posts | "
        f"refused (429) | other answers |\n|---|---:|---:|---:|---:|---|\n"
        f"| {database} | {ms(alone.percentile(0.5))} | {ms(during.percentile(0.5))} | {posts} | "
        f"{refused} | "
        + (
            ", ".join(
                f"{key}: {count}" for key, count in sorted(answers.items(), key=str) if key != 429
            )
            or "none"
        )
        + " |",
        flush=True,
    )
    budget = max(3 * alone.percentile(0.5), alone.percentile(0.5) + 0.025)
    server_errors = sum(
        count for key, count in answers.items() if isinstance(key, int) and key >= 500
    )
    failed = []
    if during.percentile(0.5) > budget:
        failed.append(f"/help/ median {ms(during.percentile(0.5))} > {ms(budget)} during the flood")
    if server_errors:
        failed.append(f"{server_errors} login posts answered 5xx")
    if alone.errors or during.errors:
        failed.append(f"{alone.errors + during.errors} errors on /help/")
    for reason in failed:
        progress(f"Login flood: {reason}")
    return not failed


if __name__ == "__main__":
    sys.exit(main())
