"""
Checking that web addresses we link to still answer (``manage.py check_links``).

Each address gets a HEAD request (a GET when the server refuses HEAD), redirects followed, with
a short timeout per step and a deadline for the whole check. Only the status or the kind of
failure is kept, never the page.

The checker runs inside our network, and staff see what it got back, so it must not become a way
to probe that network: at every hop the host name is resolved here, every address it has must be
a public one, and the connection goes to the address that was checked (the name is not looked up
again, so DNS cannot swap in a private address between the check and the connection).
"""

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

USER_AGENT = "LittleVoicesLinkChecker/1.0 (checks the links on a site for parents)"
# Some servers refuse HEAD outright, or answer it wrongly: try GET before calling a link broken.
RETRY_WITH_GET = {403, 404, 405, 501}
REDIRECTS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 5
# The most one check may take, redirects and the GET retry included, however slowly a server
# answers (one that sends a byte every few seconds never trips the per-step timeout).
DEADLINE = 10.0


@dataclass(frozen=True)
class LinkResult:
    url: str
    status: int | None = None
    error: str = ""

    @property
    def ok(self):
        return not self.error and self.status is not None and self.status < 400


def public_address(address, port):
    """Only addresses on the public internet: no private, loopback, link-local, multicast..."""
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def any_address(address, port):
    """For tests only: the test server runs on this machine."""
    return True


class HostPacer:
    """Politeness towards each server: one request at a time per host, and at most ``rate``
    requests a second to it (every request counts: HEAD, the GET retry, each redirect)."""

    def __init__(self, rate):
        self.interval = 1.0 / rate
        self._lock = threading.Lock()
        self._hosts = {}  # host name -> [its lock, when its next request may start]

    @contextlib.contextmanager
    def turn(self, host, ends):
        """Wait for ``host``'s turn; gives False if it does not come before ``ends``."""
        with self._lock:
            state = self._hosts.setdefault(host.lower(), [threading.Lock(), 0.0])
        lock = state[0]
        if not lock.acquire(timeout=max(0.0, ends - time.monotonic())):
            yield False
            return
        try:
            wait = state[1] - time.monotonic()
            if wait > 0 and time.monotonic() + wait >= ends:
                yield False
                return
            if wait > 0:
                time.sleep(wait)
            state[1] = time.monotonic() + self.interval
            yield True
        finally:
            lock.release()


def check_url(url, timeout=5.0, *, deadline=DEADLINE, allowed=public_address, pacer=None):
    """Check one address; never raises.

    ``allowed(ip_address, port)`` says which addresses may be connected to; ``pacer`` (a
    ``HostPacer``), if given, spaces out the requests to each host.
    """
    ends = time.monotonic() + deadline
    result = _request(url, "HEAD", timeout, ends, allowed, pacer)
    if result.status in RETRY_WITH_GET or (
        result.error and result.error not in ("timed out", "not a public address")
    ):
        result = _request(url, "GET", timeout, ends, allowed, pacer)
    return result


def check_urls(
    urls,
    timeout=5.0,
    workers=8,
    *,
    deadline=DEADLINE,
    allowed=public_address,
    per_host_rate=None,
):
    """Check many addresses at once, each distinct one once; returns {url: LinkResult}.

    ``workers`` checks run at a time. With ``per_host_rate`` (requests a second), each host gets
    one request at a time at that pace: its addresses are checked one after another by one
    worker, so the others carry on with other hosts meanwhile.
    """
    unique = list(dict.fromkeys(urls))
    pacer = HostPacer(per_host_rate) if per_host_rate else None

    def check(url):
        return check_url(url, timeout, deadline=deadline, allowed=allowed, pacer=pacer)

    if pacer is None:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return dict(zip(unique, pool.map(check, unique), strict=True))

    by_host = {}
    for url in unique:
        by_host.setdefault(_host_of(url), []).append(url)

    def check_host(host_urls):
        return [(url, check(url)) for url in host_urls]

    results = {}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for checked in pool.map(check_host, by_host.values()):
            results.update(checked)
    return {url: results[url] for url in unique}


def _host_of(url):
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


class _Refused(Exception):
    pass


def _resolve(host, port, allowed):
    """The address to connect to, after checking every address ``host`` has."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]
    # Every address, not only the first: a name with one public and one private address would
    # otherwise reach the private one on the next attempt.
    if not addresses or not all(allowed(address, port) for address in addresses):
        raise _Refused
    return infos[0][4]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to an address already checked, while sending the host's name as usual."""

    def __init__(self, host, port, address, ends, **kwargs):
        super().__init__(host, port, **kwargs)
        self.address, self.ends = address, ends

    def connect(self):
        self.sock = socket.create_connection(self.address[:2], self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.check_deadline()

    def check_deadline(self):
        # _close_at cannot cut a socket that was not there yet when the deadline came.
        if time.monotonic() >= self.ends:
            raise TimeoutError


class _PinnedHTTPSConnection(_PinnedHTTPConnection):
    default_port = http.client.HTTPS_PORT

    def connect(self):
        super().connect()
        # The certificate is checked against the host's name, not the address. The handshake
        # runs only once the TLS socket is in place, so the deadline can cut it too.
        self.sock = ssl.create_default_context().wrap_socket(
            self.sock, server_hostname=self.host, do_handshake_on_connect=False
        )
        self.check_deadline()
        self.sock.do_handshake()


def _close_at(ends, connection):
    """Cut the connection at the deadline, even in the middle of a slowly dripped answer."""

    def cut():
        if connection.sock is not None:
            # The plain socket's shutdown: it wakes a blocked read, TLS or not. The socket may
            # have been closed meanwhile, which is as good.
            with contextlib.suppress(OSError):
                socket.socket.shutdown(connection.sock, socket.SHUT_RDWR)

    timer = threading.Timer(max(0.0, ends - time.monotonic()), cut)
    timer.daemon = True
    timer.start()
    return timer


def _turn(pacer, host, ends):
    return pacer.turn(host, ends) if pacer is not None else contextlib.nullcontext(True)


def _request(url, method, timeout, ends, allowed, pacer=None):
    """One request, following up to MAX_REDIRECTS redirects; the connection is always closed."""
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        remaining = ends - time.monotonic()
        if remaining <= 0:
            return LinkResult(url, error="timed out")
        parts = urlsplit(current)
        try:
            scheme, host, port = parts.scheme, parts.hostname, parts.port
        except ValueError:  # a port that is not a number
            return LinkResult(url, error="not a web address")
        if scheme not in ("http", "https") or not host:
            return LinkResult(url, error="not a web address")
        port = port or (443 if scheme == "https" else 80)
        try:
            address = _resolve(host, port, allowed)
        except _Refused:
            return LinkResult(url, error="not a public address")
        except (socket.gaierror, UnicodeError, ValueError):
            return LinkResult(url, error="address not found")
        # Waiting for the host's turn counts towards the deadline, like any slow answer.
        with _turn(pacer, host, ends) as ready:
            remaining = ends - time.monotonic()
            if not ready or remaining <= 0:
                return LinkResult(url, error="timed out")
            kind = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
            connection = kind(host, port, address, ends, timeout=min(timeout, remaining))
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            timer = _close_at(ends, connection)
            try:
                connection.request(
                    method, target, headers={"User-Agent": USER_AGENT, "Accept": "*/*"}
                )
                response = connection.getresponse()
                status, location = response.status, response.getheader("Location")
                if time.monotonic() >= ends:
                    # Cut off at the deadline: what was read so far may look like a whole answer.
                    raise TimeoutError
            except TimeoutError:
                return LinkResult(url, error="timed out")
            except ssl.SSLError:
                if time.monotonic() >= ends:
                    return LinkResult(url, error="timed out")
                return LinkResult(url, error="certificate or TLS problem")
            except ConnectionRefusedError:
                return LinkResult(url, error="connection refused")
            except (OSError, http.client.HTTPException, ValueError) as error:
                if time.monotonic() >= ends:  # cut off at the deadline
                    return LinkResult(url, error="timed out")
                return LinkResult(url, error=f"{type(error).__name__}: {error}"[:200])
            finally:
                timer.cancel()
                connection.close()
        if status in REDIRECTS and location:
            current = urljoin(current, location)
            continue
        return LinkResult(url, status=status)
    return LinkResult(url, error="too many redirects")
