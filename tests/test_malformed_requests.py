"""
Bad input never gets a 5xx: a property-based sweep of every URL pattern and form.

Hypothesis sends malformed paths, broken percent-encoding, odd unicode and NUL bytes, huge and
repeated query parameters, every HTTP method, oversized bodies, script and SQL payloads and bad
Host headers. Every answer must be below 500, and no payload may come back unescaped.
"""

import copy
import re
import string
from urllib.parse import quote

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.accounts import verified_client

# The sweep runs in the test world (tests/support/world.py), built once for the module. Where a
# route takes an argument the sweep mostly gives it the slug of the world's article, so the odd
# query strings and bodies reach a real page and not only the 404 page.
pytestmark = pytest.mark.usefixtures("world")

SENT = {"requests": 0}
EXAMPLES = 400
HYPOTHESIS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE guidance_article; --",
    "' OR '1'='1",
    "{{ 7*7 }}{% debug %}",
    "../../../../etc/passwd",
    "%00",
    "\x00",
    "\ud800",
    "😀" * 50,
    "A" * 10_000,
    "%",
    "%zz%f",
    "%ff%fe%c0%af",
    "javascript:alert(1)",
]
METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"]


def route_templates(resolver=None, prefix=""):
    """Every URL pattern as a path template such as ``guidance/{}/`` ({} for each argument)."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = str(pattern.pattern)
        route = re.sub(r"<[^>]+>", "{}", route).lstrip("^").rstrip("$").replace("\\Z", "")
        if isinstance(pattern, URLResolver):
            yield from route_templates(pattern, prefix + route)
        elif isinstance(pattern, URLPattern):
            yield "/" + prefix + route


ROUTES = sorted(set(route_templates()))


@pytest.fixture(scope="module", autouse=True)
def report_sweep_size():
    yield
    print(f"\nmalformed-request sweep: {SENT['requests']} requests sent")


@pytest.fixture(autouse=True)
def every_post_reaches_its_view(settings):
    """The per-address limit would answer most of the sweep's POSTs with 429 before any view
    saw them; the sweep is about the views (the limit has tests of its own)."""
    settings.LOGIN_RATE_LIMIT = 0


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def send(client, method, path, **kwargs):
    SENT["requests"] += 1
    return client.generic(method, path, **kwargs)


def assert_handled(response, payload=None):
    assert response.status_code < 500, (response.status_code, response.request)
    # Short random strings such as "</bo" occur in any page; only look for real payloads.
    if payload and any(mark in payload for mark in "<>\"'") and len(payload) >= 10:
        assert payload.encode("utf-8", "surrogatepass") not in response.content, payload


def encode_query(params):
    """``[(name, value), ...]`` as a query string, lone surrogates and all."""
    return "&".join(
        f"{quote(name, safe='')}={quote(value.encode('utf-8', 'surrogatepass'), safe='')}"
        for name, value in params
    )


def fill(template, value):
    """The route with ``value`` for each argument, or after it when it takes none."""
    return template.replace("{}", value) if "{}" in template else template + value


path_text = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(min_size=1, max_size=60),
    st.text(alphabet=string.printable, min_size=1, max_size=300),
    st.binary(min_size=1, max_size=40).map(lambda data: quote(data, safe="")),
)


@HYPOTHESIS
@given(route=st.sampled_from(ROUTES), value=path_text, method=st.sampled_from(METHODS))
def test_any_method_on_any_url_with_odd_path_values_is_never_a_server_error(
    client, world, route, value, method
):
    raw = value.encode("utf-8", "surrogatepass")
    encoded = value if "%" in value else quote(raw, safe="/")
    response = send(client, method, fill(route, encoded or "x"))

    assert_handled(response, value)


@HYPOTHESIS
@given(
    route=st.sampled_from(ROUTES),
    params=st.lists(
        st.tuples(
            st.sampled_from(["q", "page", "stage", "topic", "nation", "next", "x", "", "q[]"]),
            st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=300)),
        ),
        min_size=1,
        max_size=30,
    ),
)
def test_any_query_string_is_never_a_server_error(client, world, route, params):
    query = encode_query(params)
    response = send(client, "GET", f"{fill(route, world.article.slug)}?{query}")

    for _, value in params:
        assert_handled(response, value)


@HYPOTHESIS
@given(route=st.sampled_from(ROUTES), raw=st.sampled_from([*PAYLOADS, "%E0%A4%A", "%%%", "%C0"]))
def test_broken_percent_encoding_in_path_and_query_is_never_a_server_error(
    client, world, route, raw
):
    encoded = raw if "%" in raw else quote(raw.encode("utf-8", "surrogatepass"), safe="")
    response = send(client, "GET", fill(route, encoded) + "?q=" + encoded + "&page=" + encoded)

    assert_handled(response, raw)


@HYPOTHESIS
@given(
    route=st.sampled_from(ROUTES),
    body=st.one_of(
        st.binary(max_size=2_000),
        st.sampled_from([b"\x00" * 100, b"q=" + b"A" * 3_000_000, b"{" * 10_000]),
    ),
    content_type=st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz",
            "multipart/form-data",
            "application/json",
            "text/plain",
            "",
        ]
    ),
    method=st.sampled_from(["POST", "PUT", "PATCH"]),
)
def test_odd_and_oversized_bodies_are_never_a_server_error(
    client, world, route, body, content_type, method
):
    response = send(
        client, method, fill(route, world.article.slug), data=body, content_type=content_type
    )

    assert_handled(response)


@HYPOTHESIS
@given(
    host=st.one_of(
        st.sampled_from(
            ["evil.example", "localhost:abc", "", "[::1", "a" * 300, "localhost\x00", "ü.example"]
        ),
        st.text(max_size=80),
    ),
    route=st.sampled_from(ROUTES),
)
def test_a_bad_host_header_is_refused_not_crashed(client, world, host, route):
    try:
        response = send(client, "GET", fill(route, world.article.slug), headers={"host": host})
    except UnicodeEncodeError:
        pytest.skip("the test client cannot send this host")
    assert_handled(response, host)


@pytest.mark.parametrize("query", PAYLOADS)
def test_search_never_reflects_a_payload_unescaped(client, world, query):
    response = send(client, "GET", "/search/", data={"q": query})

    assert_handled(response, query)


# Staff pages (the admin and the editorial screens: history, compare, restore, preview, the
# dashboard, recent changes, deleted pages), swept again as a signed-in, two-factor verified
# administrator, who gets past the login and reaches the views themselves.
STAFF_ROUTES = [route for route in ROUTES if route.startswith("/admin/")]
STAFF_PARAMS = ["a", "b", "kind", "user", "action", "page", "o", "q", "p", "_changelist_filters"]


@pytest.fixture(scope="module")
def staff_cookies(module_world, django_db_blocker):
    """A verified administrator's session, made once for the module with the world."""
    with django_db_blocker.unblock():
        administrator = User.objects.create_superuser("sweep_admin", "sweep@example.org", None)
        return verified_client(administrator).cookies


@pytest.fixture
def staff(staff_cookies, world):
    """A client in the administrator's session: a test that signs it out is rolled back."""
    client = Client()
    client.cookies = copy.deepcopy(staff_cookies)
    return client


@settings(HYPOTHESIS, max_examples=250)
@given(
    route=st.sampled_from(STAFF_ROUTES),
    value=st.one_of(
        st.sampled_from([*PAYLOADS, "1", "0", "-1", "99999999999999999999"]), path_text
    ),
    method=st.sampled_from(["GET", "POST", "HEAD"]),
)
def test_staff_pages_with_odd_path_values_are_never_a_server_error(staff, route, value, method):
    encoded = value if "%" in value else quote(value.encode("utf-8", "surrogatepass"), safe="")
    response = send(staff, method, fill(route, encoded or "x"))

    assert_handled(response, value)


@settings(HYPOTHESIS, max_examples=250)
@given(
    route=st.sampled_from(STAFF_ROUTES),
    object_id=st.sampled_from(["1", "2", "x"]),
    params=st.lists(
        st.tuples(
            st.sampled_from(STAFF_PARAMS),
            st.one_of(st.sampled_from([*PAYLOADS, "1", "-1", "1e9"]), st.text(max_size=60)),
        ),
        min_size=1,
        max_size=8,
    ),
)
def test_staff_pages_with_odd_query_strings_are_never_a_server_error(
    staff, route, object_id, params
):
    query = encode_query(params)
    response = send(staff, "GET", f"{fill(route, object_id)}?{query}")

    for _, value in params:
        assert_handled(response, value)


# Cases that once gave a 500 in the admin: a NUL byte, which PostgreSQL cannot store or search
# for, in filters, searches and a list action; and ids too long to be an id, which SQLite cannot
# even look up.
ARTICLES = "/admin/guidance/article/"
AUTOCOMPLETE = "/admin/autocomplete/?app_label=guidance&model_name=article&field_name=stages&term="


@pytest.mark.parametrize(
    "url",
    [
        f"{ARTICLES}?q=%00",
        f"{ARTICLES}?q=crying%00",
        f"{ARTICLES}?status=%00",
        f"{ARTICLES}?status__exact=draft%00",
        f"{ARTICLES}?_changelist_filters=status%3D%00",
        f"{ARTICLES}?o=%00",
        f"{ARTICLES}%00/change/",
        f"{AUTOCOMPLETE}%00",
        f"{AUTOCOMPLETE}help%00line",
        "/admin/editorial/changes/?person=%00&kind=%00",
    ],
)
def test_a_nul_byte_in_a_staff_query_is_a_bad_request(staff, url):
    response = send(staff, "GET", url)

    assert response.status_code == 400, (url, response.status_code)


@pytest.mark.parametrize("selected", ["\x00", "1\x00"])
def test_a_nul_byte_in_a_list_action_selection_is_a_bad_request(staff, selected):
    SENT["requests"] += 1
    response = staff.post(
        ARTICLES, {"action": "delete_selected", "_selected_action": selected, "index": "0"}
    )

    assert response.status_code == 400, (selected, response.status_code)


def admin_object_urls(object_id):
    """The change, history and delete pages of ``object_id`` in every model of the admin."""
    from django.contrib import admin

    for model in admin.site._registry:
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/{object_id}/"
        yield from (f"{base}change/", f"{base}history/", f"{base}delete/")


TOO_LONG = "12345678901234567890123"


@pytest.mark.parametrize(
    "path",
    [
        *admin_object_urls(TOO_LONG),
        *admin_object_urls(f"-{TOO_LONG}"),
        f"{ARTICLES}9223372036854775808/change/",
        f"{ARTICLES}{TOO_LONG}/history/compare/",
        f"{ARTICLES}{TOO_LONG}/history/1/restore/",
        f"/admin/r/{TOO_LONG}/{TOO_LONG}/",
        f"/admin/editorial/preview/article/{TOO_LONG}/",
        f"/admin/editorial/deleted/guidance.article/{TOO_LONG}/restore/",
    ],
)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_an_id_too_long_to_be_an_id_is_not_found(staff, path, method):
    response = send(staff, method, path)

    assert response.status_code in {404, 405}, (method, path, response.status_code)


@pytest.mark.parametrize(
    "path",
    [
        f"{ARTICLES}1/history/{TOO_LONG}/",
        f"{ARTICLES}1/history/x/",
        f"{ARTICLES}1/history/compare/?old={TOO_LONG}&new={TOO_LONG}",
        f"/admin/editorial/changes/?person={TOO_LONG}&page={TOO_LONG}",
        f"{ARTICLES}?id__exact={TOO_LONG}",
        f"{ARTICLES}?stages__id__exact={TOO_LONG}",
        f"{ARTICLES}?owner__id__exact={TOO_LONG}",
    ],
)
def test_a_number_too_big_for_an_id_in_a_staff_query_is_never_a_server_error(staff, path):
    response = send(staff, "GET", path)

    assert_handled(response)
