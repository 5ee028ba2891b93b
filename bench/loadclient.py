"""
A small HTTP load client, used by ``run.py`` when ``wrk`` is not installed.

``connections`` threads each send GET requests one after another for ``duration`` seconds, over
keep-alive connections when the server allows it (gunicorn's sync workers close the connection
after every response, so each request usually opens a new one, as with ``wrk``). Every request's
latency is recorded. A response other than 200, a timeout or a broken connection is an error.

Python threads share one interpreter lock, so this client tops out at a few thousand requests a
second: enough for Django pages, but ``wrk`` is the better yardstick for the trivial view.
"""

import http.client
import math
import threading
import time
from dataclasses import dataclass, field


@dataclass
class LoadResult:
    requests: int
    errors: int
    seconds: float
    latencies: list = field(default_factory=list, repr=False)
    # What went wrong, and how often: {"/path: HTTP 500": 3, ...}
    failures: dict = field(default_factory=dict)

    @property
    def requests_per_second(self):
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, fraction):
        """The latency in seconds that ``fraction`` of the requests were at or under."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        rank = max(0, min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1))
        return ordered[rank]


def run_load(host, port, path, *, duration, connections, headers=None, timeout=10.0):
    """Load ``http://host:port/path`` for ``duration`` seconds; return a ``LoadResult``.

    ``path`` may also be a list of paths: each client then asks for them in turn, starting at a
    different one, so every page is under load at the same time (``loadtest.py``).
    """
    paths = [path] if isinstance(path, str) else list(path)
    start = time.perf_counter()
    deadline = start + duration
    lock = threading.Lock()
    latencies, errors = [], [0]
    failures = {}

    def worker(offset):
        mine, my_errors = [], 0
        connection = None
        turn = offset
        while time.perf_counter() < deadline:
            if connection is None:
                connection = http.client.HTTPConnection(host, port, timeout=timeout)
            path = paths[turn % len(paths)]
            turn += 1
            began = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers or {})
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException) as error:
                my_errors += 1
                _count(failures, lock, f"{path}: {type(error).__name__}")
                connection.close()
                connection = None
                continue
            mine.append(time.perf_counter() - began)
            if response.status != 200:
                my_errors += 1
                _count(failures, lock, f"{path}: HTTP {response.status}")
            if response.will_close:
                connection.close()
                connection = None
        if connection is not None:
            connection.close()
        with lock:
            latencies.extend(mine)
            errors[0] += my_errors

    threads = [
        threading.Thread(target=worker, args=(number,), daemon=True)
        for number in range(connections)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        # Bounded: a request can outlive the deadline by at most the socket timeout.
        thread.join(duration + timeout + 5)
    elapsed = time.perf_counter() - start
    with lock:
        return LoadResult(len(latencies), errors[0], elapsed, list(latencies), dict(failures))


def _count(failures, lock, what):
    with lock:
        failures[what] = failures.get(what, 0) + 1
