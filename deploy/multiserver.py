"""
The reference setup past one machine, started on this one: nginx in front of several app servers.

``.venv/bin/python deploy/multiserver.py`` starts, all on 127.0.0.1 and each on its own port:

- a throwaway PostgreSQL database on 127.0.0.1:5432 (user ``postgres``), migrated and filled
  with the starter content;
- Redis database 5 at 127.0.0.1:6379 (``--redis-url``), emptied before and after, so nothing
  else may keep data in it;
- moto's S3-compatible server (``moto[server]`` from the test extra) with a bucket for uploads;
- ``--app-servers`` gunicorn app servers (default 2), each as production runs it
  (``gunicorn -c gunicorn.conf.py``) with its own local folders;
- nginx (Debian's package) in front of them, configured by deploy/nginx/littlevoices.conf.template.

It prints the addresses, serves until Ctrl+C, then stops everything and drops the database.
``--measure PATH`` instead runs ``wrk -t1 -c8 -d10s`` on a cached page: straight to one app
server, through nginx with one, then through nginx with two, and prints requests per second.
tests/deploy/ uses ``MultiServer`` (docs/scaling.md says what the test shows).
"""

import argparse
import contextlib
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import redis

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
TEMPLATE = REPO / "deploy" / "nginx" / "littlevoices.conf.template"
POLICY = REPO / "deploy" / "bucket-policy.json"
POSTGRES = f"postgresql://postgres@{HOST}:5432/postgres"
REDIS_URL = f"redis://{HOST}:6379/5"
BUCKET = "littlevoices-media"
# The staff login and admin are under the default path (DJANGO_ADMIN_PATH is not set here).
ADMIN_PATH = "/admin/"
START_TIMEOUT = 60
SETUP_TIMEOUT = 300
# Variables of the calling shell that would change the app; every app server gets ours instead.
INHERITED_PREFIXES = ("DJANGO_", "GUNICORN_", "AWS_")
INHERITED_NAMES = {"DATABASE_URL", "REDIS_URL", "WEB_CONCURRENCY", "PORT", "FORWARDED_ALLOW_IPS"}


class SetupError(Exception):
    """Part of the setup could not start; the message says which and shows its log."""


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def get(port, path, headers=None, timeout=10):
    """``(status, headers, body)`` of a GET to 127.0.0.1:``port``."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def wait_for(description, ready, process=None, log=None, timeout=START_TIMEOUT):
    """Poll ``ready()`` until it is true; fail early if ``process`` exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SetupError(f"{description} exited with {process.returncode}:\n{tail(log)}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            if ready():
                return
        time.sleep(0.1)
    raise SetupError(f"{description} did not start within {timeout} s:\n{tail(log)}")


def tail(path, lines=30):
    if path is None or not Path(path).exists():
        return ""
    return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])


def render_site_config(**values):
    """deploy/nginx/littlevoices.conf.template with every ``@NAME@`` filled in."""
    lines = TEMPLATE.read_text().splitlines(keepends=True)
    # The comments name the placeholders too; they stay as they are.
    text = "".join(line for line in lines if not line.lstrip().startswith("#"))
    for name, value in values.items():
        text = text.replace(f"@{name.upper()}@", value)
    left = sorted(set(re.findall(r"@[A-Z_]+@", text)))
    if left:
        raise SetupError(f"No value for {', '.join(left)} in {TEMPLATE.name}")
    return text


class MultiServer:
    """The whole setup, started by ``start()`` and always stopped by ``stop()``.

    ``nginx_port`` and ``app_ports`` are where to reach it; ``env`` is what every app server
    runs with, for ``manage()`` and ``shell()`` on the same database, cache and bucket.
    """

    def __init__(self, app_servers=2, workers=2, redis_url=REDIS_URL, nginx_port=None):
        self.app_servers, self.workers, self.redis_url = app_servers, workers, redis_url
        self.nginx_port = nginx_port or free_port()
        self.app_ports = [free_port() for _ in range(app_servers)]
        self.s3_port = free_port()
        self.database = f"littlevoices_multiserver_{secrets.token_hex(4)}"
        self.tmp = Path(tempfile.mkdtemp(prefix="littlevoices-multiserver-"))
        self.processes = {}
        self.database_created = False
        self.env = self._environment()

    # Starting and stopping

    def start(self):
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self):
        self._empty_redis()
        s3 = self._start_process(
            "s3", [sys.executable, "-m", "moto.server", "-H", HOST, "-p", str(self.s3_port)]
        )
        with psycopg.connect(POSTGRES, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.database}"')
        self.database_created = True
        # Static files need no database, so they are collected while the database is set up.
        static = self._start_process(
            "collectstatic", [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
        )
        self.manage("migrate", "--noinput", "-v0")
        wait_for("moto's S3 server", lambda: get(self.s3_port, "/")[0] == 200, s3, self._log("s3"))
        self._create_bucket()
        self.manage("load_starter_content")
        if static.wait(timeout=SETUP_TIMEOUT):
            raise SetupError(f"collectstatic failed:\n{tail(self._log('collectstatic'))}")
        self.processes.pop("collectstatic")
        # Started together, since each takes a few seconds to import the app.
        for number in range(self.app_servers):
            self.start_app_server(number, wait=False)
        for number in range(self.app_servers):
            self.wait_for_app_server(number)
        self._start_nginx()

    def stop(self):
        """Stop whatever was started (in any state), drop the database and empty Redis."""
        for name in list(self.processes):
            self._stop_process(name)
        if self.database_created:
            with psycopg.connect(POSTGRES, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            self.database_created = False
        with contextlib.suppress(redis.RedisError):
            self._empty_redis()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    def _environment(self):
        env = {
            name: value
            for name, value in os.environ.items()
            if not name.startswith(INHERITED_PREFIXES) and name not in INHERITED_NAMES
        }
        env.update(
            DATABASE_URL=f"postgres://postgres@{HOST}:5432/{self.database}",
            REDIS_URL=self.redis_url,
            # One key for all: what one app server signs (sessions, CSRF), another checks.
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_DEBUG="0",
            DJANGO_ALLOWED_HOSTS=HOST,
            # Plain http on loopback; in production nginx terminates HTTPS and this stays on.
            DJANGO_SECURE="0",
            DJANGO_BEHIND_PROXY="1",
            DJANGO_SITE_URL=f"http://{HOST}:{self.nginx_port}",
            DJANGO_STATIC_ROOT=str(self.tmp / "static"),
            DJANGO_VAR_DIR=str(self.tmp / "var-setup"),
            DJANGO_S3_BUCKET=BUCKET,
            DJANGO_S3_ENDPOINT_URL=f"http://{HOST}:{self.s3_port}",
            DJANGO_S3_REGION="us-east-1",
            DJANGO_S3_ACCESS_KEY_ID="local-test-key",
            DJANGO_S3_SECRET_ACCESS_KEY="local-test-secret",
            DJANGO_LOG_LEVEL="WARNING",
            GUNICORN_LOG_LEVEL="warning",
            PYTHONUNBUFFERED="1",
        )
        if self.workers:
            env["WEB_CONCURRENCY"] = str(self.workers)
        return env

    def _empty_redis(self):
        client = redis.Redis.from_url(self.redis_url, socket_timeout=5)
        try:
            client.flushdb()
        finally:
            client.close()

    def _create_bucket(self):
        """The bucket, readable by nginx as deploy/bucket-policy.json allows (only images/)."""
        policy = POLICY.read_text().replace("littlevoices-media", BUCKET)
        # moto takes requests without a signature, so no S3 client is needed here.
        for path, body in ((f"/{BUCKET}", None), (f"/{BUCKET}?policy", policy)):
            connection = http.client.HTTPConnection(HOST, self.s3_port, timeout=10)
            try:
                connection.request("PUT", path, body=body)
                response = connection.getresponse()
                response.read()
            finally:
                connection.close()
            if response.status not in {200, 204}:
                raise SetupError(f"PUT {path} to the S3 server failed: {response.status}")

    def _log(self, name):
        return self.tmp / f"{name}.log"

    def _start_process(self, name, argv, env=None):
        log = self._log(name)
        with log.open("w") as log_file:
            self.processes[name] = subprocess.Popen(
                argv,
                cwd=REPO,
                env=env or self.env,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                # Its own process group, so stopping it reaches every worker it forked.
                start_new_session=True,
            )
        return self.processes[name]

    def _stop_process(self, name):
        process = self.processes.pop(name)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=15)
        # Workers left behind by a killed master are in the same group.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)

    # The app servers

    def start_app_server(self, number, wait=True):
        port = self.app_ports[number]
        env = {
            **self.env,
            "PORT": str(port),
            "GUNICORN_BIND": f"{HOST}:{port}",
            # Nothing on local disk is shared: each server has its own folder.
            "DJANGO_VAR_DIR": str(self.tmp / f"var-app-{number}"),
        }
        name = f"app-{number}"
        gunicorn = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"]
        self._start_process(name, [*gunicorn, "--error-logfile", str(self._log(name))], env)
        if wait:
            self.wait_for_app_server(number)

    def wait_for_app_server(self, number):
        name = f"app-{number}"
        wait_for(
            f"app server {number}",
            lambda: get(self.app_ports[number], "/healthz")[0] == 200,
            self.processes[name],
            self._log(name),
        )

    def kill_app_server(self, number):
        """``kill -9`` the gunicorn master of app server ``number``, as a crashed machine would."""
        os.kill(self.processes[f"app-{number}"].pid, signal.SIGKILL)

    def app_server_log(self, number):
        return tail(self._log(f"app-{number}"), 200)

    # nginx

    def _start_nginx(self):
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        run = self.tmp / "nginx"
        temp = run / "temp"
        temp.mkdir(parents=True)
        site = render_site_config(
            listen=f"{HOST}:{self.nginx_port}",
            server_name=HOST,
            app_servers="\n    ".join(
                f"server {HOST}:{port} max_fails=1 fail_timeout=10s;" for port in self.app_ports
            ),
            media_scheme="http",
            media_server=f"{HOST}:{self.s3_port}",
            media_host=f"{HOST}:{self.s3_port}",
            media_bucket=BUCKET,
            log_dir=str(run),
        )
        (run / "littlevoices.conf").write_text(site)
        # What Debian's /etc/nginx/nginx.conf provides around a site file, here in a folder of
        # our own, so that nothing of this machine's nginx is touched.
        user = ""
        if os.geteuid() == 0:
            # As root, nginx runs its workers as nobody, which must be able to write temp files.
            user = "user nobody nogroup;"
            temp.chmod(0o777)
            self.tmp.chmod(0o755)
            run.chmod(0o755)
        temp_paths = "\n".join(
            f"    {kind}_temp_path {temp / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (run / "nginx.conf").write_text(
            f"{user}\nworker_processes 2;\npid {run / 'nginx.pid'};\n"
            f"error_log {run / 'error.log'} warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n"
            f"{temp_paths}\n"
            f"    include {run / 'littlevoices.conf'};\n"
            "}\n"
        )
        argv = [nginx, "-p", str(run), "-c", str(run / "nginx.conf"), "-e", str(run / "error.log")]
        check = subprocess.run([*argv, "-t"], capture_output=True, text=True)
        if check.returncode:
            raise SetupError(f"nginx refused its configuration:\n{check.stderr}")
        process = self._start_process("nginx", [*argv, "-g", "daemon off;"])
        wait_for(
            "nginx", lambda: get(self.nginx_port, "/healthz")[0] == 200, process, run / "error.log"
        )

    def nginx_access_log(self):
        return (self.tmp / "nginx" / "littlevoices.access.log").read_text()

    # Commands on the shared database, cache and bucket

    def manage(self, *command):
        """``manage.py command`` with the app servers' settings; its output."""
        done = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=REPO,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=SETUP_TIMEOUT,
        )
        if done.returncode:
            raise SetupError(f"manage.py {' '.join(command)} failed:\n{done.stdout}{done.stderr}")
        return done.stdout.strip()

    def shell(self, code):
        """Run Python ``code`` in ``manage.py shell`` against the shared setup; its output."""
        return self.manage("shell", "--no-imports", "-c", code)


def wrk(port, path, seconds):
    """``wrk -t1 -c8`` on ``path`` for ``seconds``: (requests per second, p99 latency, output)."""
    done = subprocess.run(
        ["wrk", "-t1", "-c8", f"-d{seconds}s", "--latency", f"http://{HOST}:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
    )
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout)[1])
    p99 = re.search(r"^\s*99%\s+(\S+)", done.stdout, re.MULTILINE)[1]
    return rate, p99, done.stdout


def measure(path, seconds):
    """
    wrk on ``path`` (a cached page) straight to one app server, then through nginx with one app
    server and with two: ``{label: (requests per second, p99)}``.
    """
    if shutil.which("wrk") is None:
        raise SetupError("wrk is not installed (apt-get install wrk)")
    results = {}
    for app_servers in (1, 2):
        with MultiServer(app_servers=app_servers, workers=None) as setup:
            targets = {f"nginx, {app_servers} app server(s)": setup.nginx_port}
            if app_servers == 1:
                targets = {"1 app server, no nginx": setup.app_ports[0], **targets}
            for label, port in targets.items():
                for _ in range(20):  # the page is cached before it is measured
                    status = get(port, path)[0]
                if status != 200:
                    raise SetupError(f"{path} answers {status}, not 200")
                rate, p99, output = wrk(port, path, seconds)
                print(f"== {label}, {path}\n{output}", flush=True)
                results[label] = (rate, p99)
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().split("\n\n")[0])
    parser.add_argument("--app-servers", type=int, default=2)
    parser.add_argument(
        "--workers", type=int, help="gunicorn workers per app server (default: gunicorn.conf.py)"
    )
    parser.add_argument("--port", type=int, help="nginx's port (default: a free one)")
    parser.add_argument("--redis-url", default=REDIS_URL, help="a Redis database to EMPTY and use")
    parser.add_argument("--measure", metavar="PATH", help="measure 1 vs 2 app servers on PATH")
    parser.add_argument("--duration", type=int, default=10, help="seconds per --measure run")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        if args.measure:
            for label, (rate, p99) in measure(args.measure, args.duration).items():
                print(f"{label}: {rate:.0f} requests/s, p99 {p99}")
            return 0
        with MultiServer(args.app_servers, args.workers, args.redis_url, args.port) as setup:
            print(f"nginx:        http://{HOST}:{setup.nginx_port}/")
            for number, port in enumerate(setup.app_ports):
                print(f"app server {number}: http://{HOST}:{port}/")
            print(f"S3 (moto):    http://{HOST}:{setup.s3_port}/{BUCKET}")
            print(f"database:     {setup.database}; Redis: {args.redis_url}")
            print(f"logs:         {setup.tmp}\nCtrl+C stops everything.", flush=True)
            with contextlib.suppress(KeyboardInterrupt):
                signal.pause()
    except SetupError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
