"""
Load-test Little Voices the way production serves it, and compare each page with a trivial view.

Run it with the project's Python (``make bench`` does): ``.venv/bin/python bench/run.py``.

In a fresh temporary folder: migrate a new SQLite database (or the throwaway database of
``--database-url``) and collect static files. Then for each data-set size in ``--articles``
(``50,5000`` runs two), generate bench content with ``manage.py generate_bench_data``, and for
each page-cache mode start ``gunicorn -c gunicorn.conf.py`` with DEBUG off, load each page type for
``--duration`` seconds with ``--connections`` clients, and print a Markdown table of requests per
second, median and 99th percentile latency, errors, and throughput as a share of a bare Django
project's view that returns a fixed 10 KB page (``bench.bare``: Django's own middleware, no
database), served by the same gunicorn settings in the same run. With two sizes it ends with how
much slower the list and search pages got with more content.

The load comes from ``wrk`` when it is installed (``apt install wrk``), otherwise from the Python
client in ``loadclient.py``. Everything talks to 127.0.0.1 only. gunicorn is always stopped and
the temporary folder deleted, on Ctrl+C and on errors too. See bench/README.md.
"""

import argparse
import contextlib
import http.client
import math
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from loadclient import run_load

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
# Production sits behind a TLS-terminating proxy (docs/deploying.md); so does the benchmark, in
# effect: HTTPS settings on, and every request says it came over HTTPS, as the proxy would.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
# The reference: a bare Django project (bench/bare/), not the site, served the same way.
BARE = "bare Django view"
BARE_APP = "bench.bare.wsgi:application"
BARE_PATH = "/_bench/trivial/"
# The same fixed page inside the site's own stack (its middleware, the page cache's checks).
TRIVIAL = "in-stack trivial view"
# (name, path); "{article}" and "{tip_page}" are filled in with generated slugs.
PAGES = [
    (TRIVIAL, "/_bench/trivial/"),
    ("home", "/"),
    ("article list", "/guidance/"),
    ("list by stage", "/guidance/?stage=newborn"),
    ("article", "/guidance/{article}/"),
    ("tips index", "/tips/"),
    ("tip page", "/tips/{tip_page}/"),
    ("help", "/help/"),
    ("help, one nation", "/help/wales/"),
    ("search", "/search/?q=crying+baby"),
]
# Quality budget: these pages with 5,000 articles may take at most twice as long as with 50.
GROWTH_PAGES = ("article list", "list by stage", "search")
# The search-quality suite's queries, timed in process by `manage.py bench_search`.
SEARCH_QUERIES = REPO / "tests" / "search" / "queries.toml"
GROWTH_BUDGET = 2.0
# Quality budget: every page type at least this share of the bare view's requests per second;
# with the page cache on, also a p99 of at most P99_BUDGET and no errors.
THROUGHPUT_BUDGET = {"off": 0.25, "on": 0.80}
P99_BUDGET = 0.025
# Other processes using more of the CPU than this during a measurement make it unreliable.
NOISY = 0.10
SETUP_TIMEOUT = 600
START_TIMEOUT = 60
STOP_TIMEOUT = 40
# Variables that would make the run differ from a default production setup, or reach off-machine.
INHERITED_PREFIXES = ("DJANGO_", "GUNICORN_")
INHERITED_NAMES = {"DATABASE_URL", "REDIS_URL", "WEB_CONCURRENCY", "PORT", "FORWARDED_ALLOW_IPS"}


class BenchError(Exception):
    pass


@dataclass
class Measurement:
    requests_per_second: float
    p50: float  # seconds
    p99: float
    errors: int
    requests: int
    elsewhere: float | None = None  # share of the machine's CPU used by other processes

    @property
    def noisy(self):
        return self.elsewhere is not None and self.elsewhere > NOISY


# -- Command line -----------------------------------------------------------------------------


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description="Load-test the site under gunicorn against a trivial Django view.",
        epilog="Example: bench/run.py --articles 50,5000 --duration 8",
    )
    parser.add_argument(
        "--articles",
        default="50",
        type=sizes,
        help="articles in the generated data set; two or more sizes, comma-separated, also "
        "print the growth comparison (default 50; the growth check is 50,5000)",
    )
    parser.add_argument(
        "--duration", type=positive(float), default=10, help="seconds of load per page (10)"
    )
    parser.add_argument(
        "--warmup", type=non_negative(float), default=1, help="seconds of load before each (1)"
    )
    parser.add_argument(
        "--connections", type=positive(int), default=8, help="concurrent clients (8)"
    )
    parser.add_argument(
        "--workers", type=positive(int), default=4, help="gunicorn workers (WEB_CONCURRENCY, 4)"
    )
    parser.add_argument("--port", type=positive(int), help="port to serve on (a free one)")
    parser.add_argument(
        "--cache",
        choices=("off", "on", "both"),
        default="both",
        help="page cache (DJANGO_PAGE_CACHE) off, on, or one run of each (both)",
    )
    parser.add_argument(
        "--database-url",
        help="a THROWAWAY database on this machine, e.g. postgres://127.0.0.1/bench "
        "(default: a new SQLite file in the temporary folder)",
    )
    parser.add_argument(
        "--client",
        choices=("auto", "wrk", "python"),
        default="auto",
        help="load generator: wrk when installed, else the Python client (auto)",
    )
    parser.add_argument(
        "--wrk-threads", type=positive(int), default=1, help="wrk threads (1: leave CPU to Django)"
    )
    parser.add_argument(
        "--no-recycle",
        action="store_true",
        help="stop gunicorn restarting workers now and then (production does, rarely)",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed for the generated text (1)")
    parser.add_argument(
        "--search-only",
        action="store_true",
        help="only time the search view in process for each size (no gunicorn, no load)",
    )
    args = parser.parse_args(argv)
    if args.client == "auto":
        args.client = "wrk" if shutil.which("wrk") else "python"
    elif args.client == "wrk" and not shutil.which("wrk"):
        parser.error("wrk is not installed (apt install wrk), or use --client python")
    if args.database_url:
        check_local(parser, args.database_url)
    return args


def sizes(text):
    try:
        values = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("a number, or numbers separated by commas") from None
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("at least one article")
    return sorted(set(values))


def positive(kind):
    def convert(text):
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError("must be more than 0")
        return value

    return convert


def non_negative(kind):
    def convert(text):
        value = kind(text)
        if value < 0:
            raise argparse.ArgumentTypeError("cannot be negative")
        return value

    return convert


def check_local(parser, url):
    host = urlsplit(url).hostname
    if host not in (None, "", "localhost", "127.0.0.1", "::1") and not host.startswith("/"):
        parser.error(f"--database-url must be on this machine, not {host}")


# -- Running the site -------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def base_environment(tmp, args):
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(INHERITED_PREFIXES) and name not in INHERITED_NAMES
    }
    env.update(
        DATABASE_URL=args.database_url or f"sqlite:///{tmp / 'db.sqlite3'}",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_DEBUG="0",
        DJANGO_VAR_DIR=str(tmp / "var-setup"),
        DJANGO_STATIC_ROOT=str(tmp / "static"),
        DJANGO_MEDIA_ROOT=str(tmp / "media"),
        DJANGO_ALLOWED_HOSTS=HOST,
        DJANGO_SECURE="1",
        DJANGO_BEHIND_PROXY="1",
        DJANGO_LOG_LEVEL="WARNING",
        DJANGO_BENCH_TRIVIAL_VIEW="1",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env, *command):
    """Run ``manage.py command``; on failure show its output and stop."""
    try:
        done = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=SETUP_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        raise BenchError(f"manage.py {' '.join(command)} took over {SETUP_TIMEOUT} s") from None
    if done.returncode:
        raise BenchError(f"manage.py {' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout.strip()


@contextlib.contextmanager
def gunicorn(env, tmp, label, args, app=None):
    """Serve the site (or ``app``) as ``make run`` and production do; always stop it again."""
    log = tmp / f"gunicorn-{label}.log"
    gunicorn_bin = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn_bin)] if gunicorn_bin.exists() else [sys.executable, "-m", "gunicorn"]
    # gunicorn.conf.py as in production. Its access log is off by default (and the inherited
    # GUNICORN_ACCESS_LOG is dropped); the app's own request log is below DJANGO_LOG_LEVEL.
    command += ["-c", "gunicorn.conf.py", "--error-logfile", str(log)]
    if args.no_recycle:
        command += ["--max-requests", "0"]
    if app:
        command.append(app)
    with log.open("w") as log_file:
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            # Its own process group: Ctrl+C reaches only us, and we stop it in order.
            start_new_session=True,
        )
    process.log = log
    try:
        wait_until_serving(process, env, log, BARE_PATH if app else PAGES[0][1])
        yield process
    finally:
        stop(process)


def wait_until_serving(process, env, log, path):
    port = int(env["PORT"])
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn exited with {process.returncode}:\n{tail(log)}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            if fetch(port, path)[0] == 200:
                return
        time.sleep(0.2)
    raise BenchError(f"gunicorn did not answer within {START_TIMEOUT} s:\n{tail(log)}")


def stop(process):
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)


def tail(path, lines=30):
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def fetch(port, path, timeout=30):
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers=PROXY_HEADERS)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# -- Load -------------------------------------------------------------------------------------

WRK_LATENCY = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", re.MULTILINE)
WRK_RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
WRK_TOTAL = re.compile(r"^\s*(\d+) requests in ", re.MULTILINE)
WRK_SOCKET = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
WRK_STATUS = re.compile(r"Non-2xx or 3xx responses: (\d+)")
UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


def load(port, path, seconds, args):
    if args.client == "wrk":
        result = load_with_wrk(port, path, seconds, args)
    else:
        loaded = run_load(
            HOST, port, path, duration=seconds, connections=args.connections, headers=PROXY_HEADERS
        )
        result = Measurement(
            loaded.requests_per_second,
            loaded.percentile(0.50),
            loaded.percentile(0.99),
            loaded.errors,
            loaded.requests,
        )
    if not result.requests:
        # Not one answer in the whole run: every client's request is a failure, and the
        # latency is "longer than we waited", not the 0 that wrk prints.
        result.p50 = result.p99 = math.inf
        result.errors += args.connections
    return result


def load_with_wrk(port, path, seconds, args):
    threads = min(args.wrk_threads, args.connections)
    command = ["wrk", "--latency", f"-t{threads}", f"-c{args.connections}"]
    command += [arg for name, value in PROXY_HEADERS.items() for arg in ("-H", f"{name}: {value}")]
    command += [f"-d{max(1, round(seconds))}s", "--timeout", "10s", f"http://{HOST}:{port}{path}"]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + 30, check=True
        )
    except subprocess.TimeoutExpired:
        raise BenchError(f"wrk did not finish: {' '.join(command)}") from None
    except subprocess.CalledProcessError as error:
        raise BenchError(f"wrk failed: {error.stderr or error.stdout}") from None
    return parse_wrk(done.stdout)


def parse_wrk(output):
    latency = {
        percent: float(value) * UNITS[unit] for percent, value, unit in WRK_LATENCY.findall(output)
    }
    rate, total = WRK_RATE.search(output), WRK_TOTAL.search(output)
    if not (rate and total and {"50", "99"} <= latency.keys()):
        raise BenchError(f"could not read wrk's output:\n{output}")
    errors = sum(int(count) for match in WRK_SOCKET.findall(output) for count in match)
    errors += sum(int(count) for count in WRK_STATUS.findall(output))
    return Measurement(
        float(rate.group(1)), latency["50"], latency["99"], errors, int(total.group(1))
    )


# -- Noise: what else was the machine doing? --------------------------------------------------


class CpuMeter:
    """
    The share of the machine's CPU that went to processes other than ours (gunicorn, the load
    generator, this script) between ``start()`` and ``stop()``; Linux only, else ``None``.

    Other work on the machine (a test suite, a browser, a noisy neighbour's VM: steal time counts
    too) slows some pages and not others, so a ratio measured beside it can be badly off.
    Processes named in ``helpers`` (the local database server's, e.g. ``postgres``) count as ours.
    """

    def __init__(self, server_pid, helpers=()):
        self.server_pid = server_pid
        self.helpers = set(helpers)
        self.tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        self.before = None

    def start(self):
        self.before = self.sample()

    def stop(self):
        after = self.sample()
        if self.before is None or after is None:
            return None
        busy, total, ours = (end - begin for begin, end in zip(self.before, after, strict=True))
        return max(0.0, busy - ours) / total if total > 0 else None

    def sample(self):
        try:
            with open("/proc/stat") as stat:
                fields = [int(value) for value in stat.readline().split()[1:]]
        except OSError:
            return None
        idle = fields[3] + fields[4]  # idle, iowait
        busy = sum(fields[:8]) - idle  # up to steal; guest time is already in user
        ours = self.server_ticks() + self.own_ticks()
        return busy, busy + idle, ours

    def server_ticks(self):
        """CPU of gunicorn's master (and the workers it has reaped), its workers and helpers."""
        ticks = 0
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat") as stat:
                    name, rest = stat.read().split(" (", 1)[1].rsplit(")", 1)
            except (OSError, ValueError):
                continue
            fields = rest.split()
            pid, ppid = int(entry.name), int(fields[1])
            if pid == self.server_pid:
                ticks += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
            elif ppid == self.server_pid or name in self.helpers:
                ticks += int(fields[11]) + int(fields[12])
        return ticks

    def own_ticks(self):
        """This script, its threads (the Python client) and finished children (wrk)."""
        times = os.times()
        return (times.user + times.system + times.children_user + times.children_system) * (
            self.tick
        )


def database_processes(url):
    """Names of a local database server's processes, whose work on our queries is ours."""
    scheme = urlsplit(url).scheme if url else ""
    if scheme.startswith("postgres") or scheme == "pgsql":
        return {"postgres"}
    if scheme.startswith("mysql"):
        return {"mysqld", "mariadbd"}
    return set()


# -- One run: a data set, a cache mode --------------------------------------------------------


def pages_for(articles):
    slugs = {
        "article": f"bench-article-{(articles + 1) // 2:05d}",
        "tip_page": "bench-tip-page-0001",
    }
    return [(name, path.format(**slugs)) for name, path in PAGES]


def measure_all(port, server, pages, args):
    results = {}
    meter = CpuMeter(server.pid, helpers=database_processes(args.database_url))
    for name, path in pages:
        status, body = fetch(port, path)
        if status != 200:
            raise BenchError(
                f"{path} answered {status}, not 200. The server's log:\n{tail(server.log)}"
            )
        if args.warmup:
            load(port, path, args.warmup, args)
        meter.start()
        result = load(port, path, args.duration, args)
        result.elsewhere = meter.stop()
        results[name] = result
        elsewhere = "" if result.elsewhere is None else f"  other CPU {result.elsewhere:.0%}"
        progress(
            f"  {name:<17} {result.requests_per_second:8.0f} req/s  "
            f"p50 {ms(result.p50, ' ms'):>9}  p99 {ms(result.p99, ' ms'):>9}  "
            f"errors {result.errors}  {len(body) / 1024:5.1f} KB{elsewhere}"
        )
    return results


def table(title, pages, results, mode):
    """The Markdown table of one run; ``pages`` and ``results`` include the bare view's."""
    bare = results[BARE].requests_per_second
    trivial = results[TRIVIAL].requests_per_second
    lines = [
        f"### {title}",
        "",
        "| page | req/s | p50 ms | p99 ms | errors | ratio vs bare | ratio vs in-stack trivial |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    below, slow, failing = [], [], []
    for name, path in pages:
        result = results[name]
        ratio = result.requests_per_second / bare if bare else float("nan")
        in_stack = result.requests_per_second / trivial if trivial else float("nan")
        if name not in (BARE, TRIVIAL):
            if ratio < THROUGHPUT_BUDGET[mode]:
                below.append(name)
            if mode == "on" and result.p99 > P99_BUDGET:
                slow.append(name)
        if result.errors:
            failing.append(name)
        noisy = " (noisy)" if result.noisy else ""
        lines.append(
            f"| {name} `{path}`{noisy} | {result.requests_per_second:.0f} "
            f"| {ms(result.p50)} | {ms(result.p99)} | {result.errors} | {ratio:.0%} "
            f"| {'' if name == BARE else f'{in_stack:.0%}'} |"
        )
    budget = f"{THROUGHPUT_BUDGET[mode]:.0%} of the bare view with the page cache {mode}"
    lines.append("")
    if below:
        lines.append(f"Below the throughput budget ({budget}): {', '.join(below)}.")
    else:
        lines.append(f"Every page meets the throughput budget ({budget}).")
    if slow:
        lines.append(f"Over the p99 budget ({ms(P99_BUDGET, ' ms')}): {', '.join(slow)}.")
    elif mode == "on":
        lines.append(f"Every page meets the p99 budget ({ms(P99_BUDGET, ' ms')}).")
    lines.append(
        f"Errors or time-outs: {', '.join(failing)}." if failing else "No errors or time-outs."
    )
    shares = [result.elsewhere for result in results.values() if result.elsewhere is not None]
    if shares:
        lines.append(
            f"Other processes used {min(shares):.0%} to {max(shares):.0%} of the machine's CPU "
            "during these measurements"
            + (
                f"; rows marked (noisy) had more than {NOISY:.0%} taken from them, so their "
                "numbers are unreliable: run again on a quiet machine."
                if max(shares) > NOISY
                else "."
            )
        )
    return "\n".join(lines)


def growth(all_results, pages, sizes, modes):
    small, large = sizes[0], sizes[-1]
    lines = [
        f"### Growth: {large} articles against {small} (median latency; budget {GROWTH_BUDGET:g}x)",
        "",
    ]
    for mode in modes:
        for name, path in pages:
            if name not in GROWTH_PAGES:
                continue
            before, after = all_results[small, mode][name], all_results[large, mode][name]
            ratio = after.p50 / before.p50 if before.p50 else float("nan")
            verdict = "ok" if ratio <= GROWTH_BUDGET else "OVER BUDGET"
            if before.noisy or after.noisy:
                verdict += ", noisy"
            lines.append(
                f"- cache {mode}, {name} `{path}`: p50 {ms(before.p50, ' ms')} -> "
                f"{ms(after.p50, ' ms')} = {ratio:.2f}x ({verdict}); p99 "
                f"{ms(before.p99, ' ms')} -> {ms(after.p99, ' ms')}"
            )
    return "\n".join(lines)


def ms(seconds, unit=""):
    """Seconds as milliseconds for the tables: 'none answered' for a page that never did."""
    return "none answered" if math.isinf(seconds) else f"{seconds * 1000:.1f}{unit}"


def progress(message):
    print(message, file=sys.stderr, flush=True)


def main(argv=None):
    args = parse_args(argv)
    modes = ["off", "on"] if args.cache == "both" else [args.cache]
    runs = len(args.articles) * len(modes) * (len(PAGES) + 1)
    progress(
        f"Benchmark: {args.articles} articles, page cache {'/'.join(modes)}, {args.client}, "
        f"{args.connections} connections, {args.workers} workers, {args.duration:g} s per page: "
        f"about {runs * (args.duration + args.warmup + 0.5) / 60 + len(args.articles) * 0.3:.0f} "
        "minutes."
    )
    # SIGTERM (e.g. from a CI runner or `timeout`) unwinds like Ctrl+C, so cleanup always runs.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    tmp = Path(tempfile.mkdtemp(prefix="littlevoices-bench-"))
    all_results = {}
    try:
        env = base_environment(tmp, args)
        progress("Migrating and collecting static files...")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        for size in args.articles:
            progress(f"Generating {size} articles...")
            generate = ["generate_bench_data", "--articles", str(size), "--seed", str(args.seed)]
            progress(textwrap.indent(manage(env, *generate), "  "))
            # The search view alone, in this process: the parents' query suite, five times over.
            timing = manage(env, "bench_search", "--repeat", "5", "--queries", str(SEARCH_QUERIES))
            print(f"{size} articles, {timing}\n", flush=True)
            if args.search_only:
                continue
            pages = pages_for(size)
            for mode in modes:
                port = args.port or free_port()
                server_env = {
                    **env,
                    "PORT": str(port),
                    "GUNICORN_BIND": f"{HOST}:{port}",
                    "WEB_CONCURRENCY": str(args.workers),
                    "GUNICORN_LOG_LEVEL": "warning",
                    "DJANGO_PAGE_CACHE": "1" if mode == "on" else "0",
                    # A cold page cache for every server: nothing carried over from a smaller run.
                    "DJANGO_VAR_DIR": str(tmp / f"var-{size}-{mode}"),
                }
                progress(f"Serving the bare Django project on port {port}:")
                with gunicorn(server_env, tmp, f"bare-{size}-{mode}", args, app=BARE_APP) as bare:
                    results = measure_all(port, bare, [(BARE, BARE_PATH)], args)
                progress(f"Serving {size} articles with the page cache {mode} on port {port}:")
                with gunicorn(server_env, tmp, f"{size}-{mode}", args) as server:
                    results.update(measure_all(port, server, pages, args))
                all_results[size, mode] = results
                title = (
                    f"{size} articles, page cache {mode} ({args.client}, {args.connections} "
                    f"connections, {args.workers} workers, {args.duration:g} s per page)"
                )
                print(table(title, [(BARE, BARE_PATH), *pages], results, mode) + "\n", flush=True)
        if len(args.articles) > 1 and not args.search_only:
            print(growth(all_results, pages_for(args.articles[-1]), args.articles, modes))
    except BenchError as error:
        progress(f"Benchmark failed: {error}")
        return 1
    except KeyboardInterrupt:
        progress("Interrupted.")
        return 130
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
