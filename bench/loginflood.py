"""
Floods the staff login with wrong passwords, as an attacker would, for ``loadtest.py``.

Each thread fetches the login page once (for its CSRF cookie and token) and then posts made-up
usernames and a wrong password as fast as the server answers. Without a per-address limit each
attempt costs a worker about half a second of password hashing, and every page slows down.
"""

import http.client
import re
import threading
import time
import uuid

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
COOKIE = re.compile(r"csrftoken=([^;]+)")


def flood_login(host, port, login_path, *, duration, connections, headers=None, timeout=10.0):
    """Post wrong logins for ``duration`` seconds; return ``{status or error name: count}``."""
    deadline = time.perf_counter() + duration
    lock = threading.Lock()
    answers = {}
    origin = f"https://{host}:{port}"

    def worker():
        mine = {}
        try:
            token, cookie = _csrf(host, port, login_path, headers, timeout)
        except (OSError, http.client.HTTPException, ValueError) as error:
            mine[type(error).__name__] = 1
            token = None
        while token and time.perf_counter() < deadline:
            body = f"csrfmiddlewaretoken={token}&username=u{uuid.uuid4().hex[:12]}&password=wrong"
            request_headers = {
                **(headers or {}),
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie}",
                "Referer": origin + login_path,
                "Origin": origin,
            }
            connection = http.client.HTTPConnection(host, port, timeout=timeout)
            try:
                connection.request("POST", login_path, body=body, headers=request_headers)
                response = connection.getresponse()
                response.read()
                key = response.status
            except (OSError, http.client.HTTPException) as error:
                key = type(error).__name__
            finally:
                connection.close()
            mine[key] = mine.get(key, 0) + 1
        with lock:
            for key, count in mine.items():
                answers[key] = answers.get(key, 0) + count

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(duration + timeout + 5)
    return answers


def _csrf(host, port, login_path, headers, timeout):
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request("GET", login_path, headers=headers or {})
        response = connection.getresponse()
        page = response.read().decode("utf-8", "replace")
        cookies = " ".join(response.headers.get_all("Set-Cookie") or [])
    finally:
        connection.close()
    token, cookie = TOKEN.search(page), COOKIE.search(cookies)
    if not token or not cookie:
        raise ValueError("no CSRF token on the login page")
    return token.group(1), cookie.group(1)
