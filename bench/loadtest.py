"""
Hold the public pages under a bounded load and fail on any error (docs/quality-and-benchmarks.md).

``.venv/bin/python bench/loadtest.py`` (``make loadtest``) sets up a throwaway site as
``run.py`` does (a new SQLite database in a temporary folder, or ``--database-url``, a throwaway
database on this machine), serves it with ``gunicorn -c gunicorn.conf.py`` as production does
(DEBUG off, HTTPS settings on behind a proxy, the page cache as configured by ``--cache``), and
sends ``--connections`` concurrent clients (default 50) for ``--duration`` seconds (default 30)
at every public page type in turn: home, lists, an article, tips, a tip page, /help/ with and
without a nation, search, a simple page and a page that does not exist (which must be a 404).

The load runs in two halves. In the first, content stays still (the steady state). In the
second, an editor changes content every ``--publish-every`` seconds (default 3) from a side
process (``manage.py publish_during_load``): it edits the article under load, or takes another
article off the site and puts it back, asking at once for its page, which must answer 404 the
moment it is off. Every change ends the content version, so every page is rendered afresh; the
page cache must render each page once per change, however many clients ask for it meanwhile
(the ``X-Page-Cache`` header of each answer, from gunicorn's access log, tells renders from
copies).

It prints, for each half, requests, requests per second, median and 99th percentile latency, and
every error; then the changes, the renders per page per change and the unpublished-page checks.
It exits 1 if any request failed (a connection error, a timeout or an unexpected status), if an
unpublished page was served, or if a page was rendered more than ``RENDERS_PER_CHANGE_BUDGET``
times per change on average (a stampede). The 99th percentile while publishing has a target of
three times the steady one (plus 25 ms): it is reported, met or missed, but does not fail the
run, as it is mostly the time to render every page once after each change, which depends on
rendering speed and on whatever else the machine is doing.

Then the login flood: /help/ is loaded alone for ``--flood-duration`` seconds, and again while
``--flood-connections`` clients post wrong logins as fast as they can (``loginflood.py``). The
per-address limit must refuse the flood cheaply: it fails if /help/'s median during the flood
is more than three times its median alone (plus 25 ms), or if any login post got a 5xx.
``--login-rate-limit 0`` turns the limit off, to see what it saves.

Everything talks to 127.0.0.1 only. CI runs it on SQLite and on PostgreSQL.
"""

import argparse
import contextlib
import json
import shutil
import signal
import subprocess
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
    REPO,
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
# Each answer's request line and how the page cache answered it (website/middleware.py).
ACCESS_LOG_FORMAT = "%(r)s %({x-page-cache}o)s"
# While content changes: the budget of renders of a page per change (1 is the single flight at
# work; a stampede renders it once per waiting worker), and the 99th percentile's target.
RENDERS_PER_CHANGE_BUDGET = 1.5
P99_CHANGE_FACTOR, P99_CHANGE_MARGIN = 3.0, 0.025


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument("--connections", type=positive(int), default=50)
    parser.add_argument("--duration", type=positive(float), default=30.0)
    parser.add_argument("--articles", type=non_negative(int), default=500)
    parser.add_argument("--workers", type=positive(int), default=4)
    parser.add_argument("--cache", choices=["off", "on"], default="on")
    parser.add_argument("--database-url", help="a THROWAWAY database on this machine")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--publish-every",
        type=positive(float),
        default=3.0,
        help="seconds between content changes in the second half of the load",
    )
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
        access_log = tmp / "access.log"
        server_env = {
            **env,
            "PORT": str(port),
            "GUNICORN_BIND": f"{HOST}:{port}",
            "WEB_CONCURRENCY": str(args.workers),
            "GUNICORN_LOG_LEVEL": "warning",
            "GUNICORN_ACCESS_LOG": str(access_log),
            "GUNICORN_CMD_ARGS": f"--access-logformat '{ACCESS_LOG_FORMAT}'",
            "DJANGO_PAGE_CACHE": "1" if args.cache == "on" else "0",
            "DJANGO_VAR_DIR": str(tmp / "var-serve"),
        }
        if args.login_rate_limit is not None:
            server_env["DJANGO_LOGIN_RATE_LIMIT"] = str(args.login_rate_limit)
        paths = public_paths(args.articles)
        steady_seconds = args.duration / 2
        progress(
            f"{args.connections} clients for {args.duration:g} s on {len(paths)} page types "
            f"(content changing every {args.publish_every:g} s in the second half), "
            f"page cache {args.cache}, {args.workers} gunicorn workers, port {port}..."
        )
        load = {"connections": args.connections, "headers": PROXY_HEADERS}
        with gunicorn(server_env, tmp, "loadtest", args):
            steady = run_load(HOST, port, paths, duration=steady_seconds, **load)
            changing_from = access_log.stat().st_size
            changing_seconds = args.duration - steady_seconds
            with publisher(server_env, port, args, changing_seconds) as published:
                changing = run_load(HOST, port, paths, duration=changing_seconds, **load)
            flood = login_flood(port, args) if args.flood_duration else None
        results = {"steady": steady, f"publishing every {args.publish_every:g} s": changing}
        print(
            "| database | content | clients | seconds | requests | requests/s | p50 | p99 | "
            "errors |\n|---|---|---:|---:|---:|---:|---:|---:|---:|",
            flush=True,
        )
        for phase, result in results.items():
            print(
                f"| {database} | {phase} | {args.connections} | {result.seconds:.0f} | "
                f"{result.requests} | {result.requests_per_second:.0f} | "
                f"{ms(result.percentile(0.5))} | {ms(result.percentile(0.99))} | "
                f"{result.errors} |",
                flush=True,
            )
        if steady.requests == 0 or changing.requests == 0:
            progress("No request was answered.")
            return 1
        failed = False
        for phase, result in results.items():
            for what, count in sorted(result.failures.items()):
                progress(f"  {phase}: {what}: {count} times")
                failed = True
        renders = renders_per_change(access_log, changing_from, paths, published["changes"])
        if not report_changes(database, args, steady, changing, published, renders):
            failed = True
        if failed:
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


@contextlib.contextmanager
def publisher(env, port, args, seconds):
    """The editor, changing content in a side process for ``seconds``; yields what it did
    (``{"changes", "checks", "stale"}``, filled in when it has finished)."""
    article = dict(pages_for(max(args.articles, 1)))["article"].strip("/").rsplit("/", 1)[-1]
    command = [
        sys.executable,
        "manage.py",
        "publish_during_load",
        f"--port={port}",
        f"--every={args.publish_every}",
        f"--duration={seconds}",
        f"--article={article}",
    ]
    published = {}
    process = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        # Once Django is loaded (a second of CPU that would otherwise weigh on the load).
        if process.stdout.readline().strip() != "ready":
            raise BenchError(f"publish_during_load did not start:\n{process.stderr.read()}")
        yield published
        output, errors = process.communicate(timeout=seconds + 60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if process.returncode:
        raise BenchError(f"publish_during_load failed:\n{output}{errors}")
    published.update(json.loads(output.strip().splitlines()[-1]))


def renders_per_change(access_log, start, paths, changes):
    """How many times, on average, each page under load was rendered per change: its answers
    marked "miss" in the access log from byte ``start`` on, over the pages and the changes."""
    targets = set(paths)
    rendered, cached = {}, set()
    with access_log.open("rb") as log:
        log.seek(start)
        for line in log.read().decode("utf-8", "replace").splitlines():
            # "GET /path?query HTTP/1.1 miss"
            parts = line.split()
            if len(parts) != 4 or parts[1] not in targets or parts[3] == "-":
                continue
            cached.add(parts[1])
            if parts[3] == "miss":
                rendered[parts[1]] = rendered.get(parts[1], 0) + 1
    if not cached or not changes:
        return None
    return sum(rendered.values()) / (len(cached) * changes)


def report_changes(database, args, steady, changing, published, renders):
    """Print what the editor did and what it cost; ``False`` if a budget was missed."""
    p99_steady, p99_changing = steady.percentile(0.99), changing.percentile(0.99)
    print(
        "| database | changes | renders per page per change | p99 steady | p99 publishing | "
        "unpublished-page checks | stale answers |\n|---|---:|---:|---:|---:|---:|---:|\n"
        f"| {database} | {published['changes']} | "
        f"{'n/a' if renders is None else f'{renders:.2f}'} | {ms(p99_steady)} | "
        f"{ms(p99_changing)} | {published['checks']} | {len(published['stale'])} |",
        flush=True,
    )
    failed = [f"an unpublished page was served: {stale}" for stale in published["stale"]]
    if args.cache == "on" and renders is not None and renders > RENDERS_PER_CHANGE_BUDGET:
        failed.append(f"{renders:.2f} renders per page per change > {RENDERS_PER_CHANGE_BUDGET:g}")
    target = max(P99_CHANGE_FACTOR * p99_steady, p99_steady + P99_CHANGE_MARGIN)
    progress(
        f"p99 while publishing: {p99_changing / p99_steady:.1f} times the steady one, "
        + ("within" if p99_changing <= target else "over")
        + f" the target of {ms(target)} (reported, not failed)"
    )
    for reason in failed:
        progress(f"Publishing: {reason}")
    return not failed


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
