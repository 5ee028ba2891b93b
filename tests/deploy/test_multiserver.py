"""
The reference setup past one machine (deploy/, docs/scaling.md), started for real on this one:
nginx in front of two gunicorn app servers, one PostgreSQL database, Redis and an S3-compatible
bucket (moto's server), all on 127.0.0.1.

Not part of ``make test`` (it takes about a minute and needs nginx, PostgreSQL and Redis):
``.venv/bin/pytest -m multiserver tests/deploy``. The tests share one running setup and run in
order; the last one kills an app server.
"""

import io
import re
import shutil
import threading
import time
from datetime import datetime

import psycopg
import pytest
import redis
import requests
from django_otp.oath import TOTP
from PIL import Image

from deploy.multiserver import BUCKET, HOST, POSTGRES, REDIS_URL, MultiServer, get
from tests.support.formdata import html_form_data
from tests.support.markup import elements
from tests.support.tools import missing_tool

pytestmark = pytest.mark.multiserver

PASSWORD = "correct-horse-battery-42"
# The secret of the editor's authenticator app, known to the test so it can show codes.
TOTP_KEY = "3132333435363738393031323334353637383930"
ARTICLE = "shared-across-servers"
ARTICLE_PATH = f"/guidance/{ARTICLE}/"
LOGIN = "/admin/account/login/"
VERIFY = "/admin/account/login/code/"


def check_tools():
    if shutil.which("nginx") is None and not shutil.which("/usr/sbin/nginx"):
        missing_tool("nginx is not installed (apt-get install nginx)")
    try:
        psycopg.connect(POSTGRES, connect_timeout=3).close()
    except psycopg.OperationalError:
        missing_tool("PostgreSQL is not answering on 127.0.0.1:5432 (user postgres)")
    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=3).ping()
    except redis.RedisError:
        missing_tool("Redis is not answering on 127.0.0.1:6379")


@pytest.fixture(scope="module")
def setup():
    check_tools()
    with MultiServer(app_servers=2, workers=2) as running:
        running.shell(
            "from django.contrib.auth import get_user_model\n"
            "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
            "from guidance.models import Article\n"
            "users = get_user_model().objects\n"
            f"editor = users.create_superuser('editor', 'editor@example.org', '{PASSWORD}')\n"
            "TOTPDevice.objects.create(\n"
            f"    user=editor, name='Phone', confirmed=True, key='{TOTP_KEY}'\n"
            ")\n"
            f"users.create_user('colleague', 'colleague@example.org', '{PASSWORD}',"
            " is_staff=True)\n"
            "Article.objects.create(\n"
            f"    slug='{ARTICLE}', title='Shared across servers', status='draft',\n"
            "    summary='Seen the same from every app server.',\n"
            "    body='<p>Plain guidance for parents.</p>',\n"
            ")\n"
        )
        yield running


@pytest.fixture(scope="module")
def servers(setup):
    """``{"A": port, "B": port, "nginx": port}``."""
    first, second = setup.app_ports
    return {"A": first, "B": second, "nginx": setup.nginx_port}


def url(port, path):
    return f"http://{HOST}:{port}{path}"


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]


def post_login(session, port, username, password):
    page = session.get(url(port, LOGIN), timeout=30)
    data = {"csrfmiddlewaretoken": csrf_token(page.text), "username": username}
    return session.post(
        url(port, LOGIN), {**data, "password": password}, allow_redirects=False, timeout=30
    )


def current_code():
    return f"{TOTP(bytes.fromhex(TOTP_KEY)).token():06d}"


@pytest.fixture(scope="module")
def editor_session(setup, servers):
    """The session id of the editor, signed in with both factors on app server A."""
    session = requests.Session()
    response = post_login(session, servers["A"], "editor", PASSWORD)
    assert response.status_code == 302
    page = session.get(url(servers["A"], VERIFY), timeout=30)
    data = {"csrfmiddlewaretoken": csrf_token(page.text), "code": current_code()}
    response = session.post(url(servers["A"], VERIFY), data, allow_redirects=False, timeout=30)
    assert response.status_code == 302, response.text
    return session.cookies["sessionid"]


def signed_in(session_id):
    session = requests.Session()
    session.cookies.set("sessionid", session_id)
    return session


@pytest.fixture(scope="module")
def article_pk(setup):
    return setup.shell(
        f"from guidance.models import Article; print(Article.objects.get(slug='{ARTICLE}').pk)"
    )


def save_in_admin(session, port, pk, changes, files=None):
    """Change the article through the admin on ``port``, as an editor pressing Save."""
    change = url(port, f"/admin/guidance/article/{pk}/change/")
    page = session.get(change, timeout=30)
    assert page.status_code == 200
    data = {**html_form_data(page.text, "article_form"), **changes}
    response = session.post(change, data, files=files, allow_redirects=False, timeout=60)
    errors = re.findall(r'class="errorlist[^"]*".{0,300}', response.text)
    assert response.status_code == 302, errors


def test_a_staff_session_made_on_one_app_server_works_on_the_other(servers, editor_session):
    for name in ("B", "nginx"):
        response = signed_in(editor_session).get(
            url(servers[name], "/admin/"), allow_redirects=False, timeout=30
        )
        assert response.status_code == 200, name
        assert 'action="/admin/logout/"' in response.text  # signed in, as the editor


def test_a_publish_on_one_app_server_shows_at_once_on_the_other_and_through_nginx(
    servers, editor_session, article_pk
):
    for name in ("B", "nginx"):
        assert get(servers[name], ARTICLE_PATH)[0] == 404
        # The list is now in the page cache on its way through each.
        assert b"Shared across servers" not in get(servers[name], "/guidance/")[2]

    # A made-up article has no clinical review: the editor says to publish it all the same.
    publish = {"status": "published", "publish_unreviewed": "on"}
    save_in_admin(signed_in(editor_session), servers["A"], article_pk, publish)

    for name in ("B", "nginx"):
        status, _headers, body = get(servers[name], ARTICLE_PATH)
        assert status == 200, name
        assert b"Shared across servers" in body
        assert b"Shared across servers" in get(servers[name], "/guidance/")[2]


def png(width=400, height=300):
    output = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(output, format="PNG")
    return output.getvalue()


def test_a_picture_uploaded_through_one_app_server_is_served_through_the_other(
    setup, servers, editor_session, article_pk
):
    save_in_admin(
        signed_in(editor_session),
        servers["A"],
        article_pk,
        {"image_alt": "An orange square"},
        files={"image": ("square.png", png(), "image/png")},
    )

    page = get(servers["B"], ARTICLE_PATH)[2]
    (image,) = elements(page, "img", alt="An orange square")
    assert re.fullmatch(r"/media/images/\d{4}/\d{2}/[0-9a-f]{32}\.png", image["src"])
    copies = [entry.split()[0] for entry in image["srcset"].split(", ")]
    assert len(copies) == 2  # 320 and 400 pixels wide: never wider than the original
    for path in [image["src"], *copies]:
        status, headers, body = get(servers["nginx"], path)
        assert status == 200, path
        assert headers["Content-Type"] == ("image/png" if path.endswith(".png") else "image/webp")
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "immutable" in headers["Cache-Control"]
        # The very bytes in the bucket: no app server keeps a copy of its own.
        assert body == get(setup.s3_port, f"/{BUCKET}/{path.removeprefix('/media/')}")[2]
    assert not list(setup.tmp.glob("var-app-*/media"))
    # Only names the app gives uploads reach the bucket.
    assert get(servers["nginx"], "/media/images/2026/01/nothing-here.png")[0] == 404
    assert get(servers["nginx"], f"/media/../{BUCKET}/")[0] in {400, 404}


def test_the_lock_out_counts_failures_on_every_app_server(servers):
    ports = [servers["A"], servers["B"]]
    # Four of the five failures allowed (DJANGO_AXES_FAILURE_LIMIT), split between the servers.
    for attempt in range(4):
        response = post_login(requests.Session(), ports[attempt % 2], "colleague", "wrong-password")
        assert response.status_code == 200, attempt  # the form again, with its error
    # The fifth locks the username out (from this address) on both, right password or not.
    for port, password in ((ports[0], "wrong-password"), (ports[1], PASSWORD)):
        response = post_login(requests.Session(), port, "colleague", password)
        assert response.status_code == 429
        assert "Too many failed attempts" in response.text  # not the per-address rate limit


def test_a_scheduled_page_appears_on_every_app_server_on_time(setup, servers):
    for name in ("A", "B", "nginx"):
        get(servers[name], "/guidance/")  # a cached list, which must not outlive the schedule
    publish_at = datetime.fromisoformat(
        setup.shell(
            "import datetime\n"
            "from django.utils import timezone\n"
            "from guidance.models import Article\n"
            "article = Article.objects.create(\n"
            "    slug='scheduled', title='Scheduled for later', status='published',\n"
            "    summary='Goes live by itself.', body='<p>Plain guidance.</p>',\n"
            "    published_at=timezone.now() + datetime.timedelta(seconds=8),\n"
            ")\n"
            "print(article.published_at.isoformat())\n"
        )
    ).timestamp()
    for name in ("A", "B", "nginx"):
        assert get(servers[name], "/guidance/scheduled/")[0] == 404, name
    seen = {}
    while len(seen) < 3 and time.time() < publish_at + 10:
        for name in ("A", "B", "nginx"):
            if name not in seen and get(servers[name], "/guidance/scheduled/")[0] == 200:
                seen[name] = time.time()
                assert b"Scheduled for later" in get(servers[name], "/guidance/")[2]
        time.sleep(0.1)
    assert set(seen) == {"A", "B", "nginx"}
    for name, first_seen in seen.items():
        # Not before its time (the clocks are this machine's), and within a second after.
        assert publish_at <= first_seen <= publish_at + 1.5, name


def test_killing_an_app_server_under_load_loses_no_request_and_no_data(
    setup, servers, editor_session, article_pk
):
    paths = ["/", "/guidance/", ARTICLE_PATH, "/help/", "/tips/"]
    failures, answered, stop = [], [], threading.Event()

    def client():
        session = requests.Session()
        number = 0
        while not stop.is_set():
            path = paths[number % len(paths)]
            number += 1
            try:
                status = session.get(url(servers["nginx"], path), timeout=30).status_code
            except requests.RequestException as error:
                failures.append((path, repr(error)))
            else:
                (answered if status == 200 else failures).append((path, status))

    clients = [threading.Thread(target=client) for _ in range(4)]
    for thread in clients:
        thread.start()
    time.sleep(2)
    before_kill = len(answered)
    setup.kill_app_server(0)
    time.sleep(4)
    stop.set()
    for thread in clients:
        thread.join(timeout=60)

    assert failures == []
    assert before_kill > 0 and len(answered) > before_kill
    # A's workers, orphaned, notice that their master is gone and stop too: only B is left.
    with pytest.raises(OSError):
        for _ in range(100):
            get(servers["A"], "/healthz", timeout=1)
            time.sleep(0.1)
    # Everything saved through A is still there, served by B alone.
    assert b"Shared across servers" in get(servers["nginx"], ARTICLE_PATH)[2]
    # And the editor, signed in on A, carries on through nginx.
    session = signed_in(editor_session)
    assert session.get(url(servers["nginx"], "/admin/"), timeout=30).status_code == 200
    save_in_admin(session, servers["nginx"], article_pk, {"title": "Still here"})
    assert b"Still here" in get(servers["nginx"], ARTICLE_PATH)[2]
