"""
Checking that signposting web addresses still answer.

Each address gets a HEAD request (a GET when the server refuses HEAD), redirects followed, with
a short timeout. Only the status or the kind of failure is kept, never the page.
"""

import http.client
import socket
import ssl
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

USER_AGENT = "LittleVoicesLinkChecker/1.0 (checks signposting links for parents)"
# Some servers refuse HEAD outright, or answer it wrongly: try GET before calling a link broken.
RETRY_WITH_GET = {403, 404, 405, 501}
REDIRECTS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class LinkResult:
    url: str
    status: int | None = None
    error: str = ""

    @property
    def ok(self):
        return not self.error and self.status is not None and self.status < 400


def check_url(url, timeout=5.0):
    """Check one address; never raises."""
    result = _request(url, "HEAD", timeout)
    if result.status in RETRY_WITH_GET or (result.error and result.error != "timed out"):
        result = _request(url, "GET", timeout)
    return result


def check_urls(urls, timeout=5.0, workers=8):
    """Check many addresses at once; returns {url: LinkResult}."""
    unique = list(dict.fromkeys(urls))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return dict(zip(unique, pool.map(lambda url: check_url(url, timeout), unique), strict=True))


def _request(url, method, timeout):
    """One request, following up to MAX_REDIRECTS redirects; the connection is always closed."""
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(current)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return LinkResult(url, error="not a web address")
        if parts.scheme == "https":
            connection = http.client.HTTPSConnection(
                parts.hostname, parts.port, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            connection.request(method, target, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
            response = connection.getresponse()
            status, location = response.status, response.getheader("Location")
        except TimeoutError:
            return LinkResult(url, error="timed out")
        except ssl.SSLError:
            return LinkResult(url, error="certificate or TLS problem")
        except socket.gaierror:
            return LinkResult(url, error="address not found")
        except ConnectionRefusedError:
            return LinkResult(url, error="connection refused")
        except (OSError, http.client.HTTPException, ValueError) as error:
            return LinkResult(url, error=f"{type(error).__name__}: {error}"[:200])
        finally:
            connection.close()
        if status in REDIRECTS and location:
            current = urljoin(current, location)
            continue
        return LinkResult(url, status=status)
    return LinkResult(url, error="too many redirects")
