"""
Share packs (sharing/packs.py): making one at /p/new/, its page, sheet and QR code, and what
happens to it when its pages change or staff retire it. Bad input is refused, never a 500.
"""

import gzip
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from accounts.ratelimit import address_digest
from core.models import Status
from sharing.models import CODE_ALPHABET, CODE_LENGTH, MAX_PAGES, Pack
from tests.support.factories import make_article, make_tip_page
from tests.support.forms import (
    BOOTSTRAP_CLASS,
    Markup,
    assert_error_summary,
    assert_field_group,
    text,
)
from tests.support.tools import REPO

pytestmark = pytest.mark.django_db

NEW = "/p/new/"
OURS = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}


@pytest.fixture(autouse=True)
def no_general_post_limit(settings):
    """The site-wide limit on anonymous POSTs would stop these tests first."""
    settings.LOGIN_RATE_LIMIT = 0


@pytest.fixture
def pages():
    return {
        "crying": make_article(title="Crying in the evening"),
        "sleep": make_article(title="Sleep and you"),
        "draft": make_article(title="A draft article", status=Status.DRAFT),
        "settling": make_tip_page(title="Settling tips"),
    }


def post(client, data, **headers):
    return client.post(NEW, data, **{**OURS, **headers})


def make_pack(client, data):
    response = post(client, data)
    assert response.status_code == 303, response.content.decode()[:2000]
    return Pack.objects.get(code=response["Location"].split("/")[2])


# The builder page -------------------------------------------------------------------------------


def test_the_builder_lists_every_published_page_with_a_box_and_no_token_or_cookie(client, pages):
    response = client.get(NEW)
    html = response.content.decode()

    assert response.status_code == 200
    for name in ("crying", "sleep"):
        assert f'name="article" value="{pages[name].pk}"' in html
    assert f'name="tip_page" value="{pages["settling"].pk}"' in html
    assert "A draft article" not in html
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert "public" in response["Cache-Control"]
    assert 'src="/static/js/pack.js" defer' in html


def test_making_a_pack_stores_the_pages_title_and_day_and_nothing_else(client, pages):
    response = post(
        client,
        {
            "title": "Crying in the first weeks",
            "article": [pages["crying"].pk, pages["sleep"].pk, pages["crying"].pk],
            "tip_page": [pages["settling"].pk],
        },
    )

    assert response.status_code == 303
    pack = Pack.objects.get()
    assert response["Location"] == f"/p/{pack.code}/"
    assert re.fullmatch(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}", pack.code)
    assert pack.title == "Crying in the first weeks"
    assert pack.page_ids() == [
        ("article", pages["crying"].pk),
        ("article", pages["sleep"].pk),
        ("tip_page", pages["settling"].pk),
    ]
    assert {field.name for field in Pack._meta.get_fields()} == {
        "id",
        "code",
        "title",
        "items",
        "created_on",
        "retired_at",
    }


def test_codes_differ_and_use_no_look_alike_characters(client, pages):
    codes = {make_pack(client, {"article": [pages["crying"].pk]}).code for _ in range(5)}
    assert len(codes) == 5
    assert not set("".join(codes)) & set("01ilo")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Tick at least one page"),
        ({"article": ["abc"]}, "no longer on the site"),
        ({"article": ["1.5"]}, "no longer on the site"),
        ({"article": [""]}, "no longer on the site"),
        ({"article": ["999999"]}, "no longer on the site"),
        ({"article": ["-1"]}, "no longer on the site"),
        ({"article": ["9" * 400]}, "no longer on the site"),
        ({"tip_page": ["\x00"]}, "no longer on the site"),
        ({"article": [str(n) for n in range(100)]}, "Tick 12 pages or fewer"),
        ({"title": "x" * 81, "tip_page": ["1"]}, "Use 80 letters or fewer"),
    ],
)
def test_bad_input_is_refused_with_a_message(client, pages, data, message):
    response = post(client, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "There is a problem with your pack" in html
    assert "<title>Error:" in html
    assert not Pack.objects.exists()


def test_the_form_follows_our_pattern_with_errors_summarised(client, pages):
    response = post(client, {"title": "x" * 81, "article": ["abc"]})
    html = response.content.decode()
    markup = Markup(re.search(r"<form\b[^>]*pack-form.*?</form>", html, flags=re.S).group(0))

    assert_error_summary(
        markup,
        "There is a problem with your pack",
        [
            ("#id_title", "Use 80 letters or fewer."),
            (
                "#id_article_0",
                "One of the pages you ticked is no longer on the site. Tick the pages again.",
            ),
        ],
    )
    title = markup.by_id("id_title")
    assert title.attrs["aria-invalid"] == "true"
    assert "id_title_error" in title.described_by()
    legends = [text(legend) for legend in markup.with_class("field__legend")]
    assert legends == ["Guidance", "If your baby could speak"]
    fieldset = markup.with_class("field__fieldset")[0]
    assert fieldset.attrs["aria-describedby"] == "id_article_error"
    assert markup.by_id("id_article_0").attrs["aria-invalid"] == "true"
    assert sorted(n for n in markup.class_names() if BOOTSTRAP_CLASS.match(n)) == []
    assert "style=" not in html and " onclick" not in html


def test_an_unbound_form_has_a_labelled_group_per_field(client, pages):
    from sharing.packs import PackForm

    form = PackForm()
    markup = Markup(client.get(NEW).content.decode())
    assert_field_group(markup, form["title"])
    assert markup.with_class("error-summary") == []
    assert text(markup.one("button", id="make-pack")) == "Make the pack"


def test_a_draft_page_cannot_be_put_in_a_pack(client, pages):
    response = post(client, {"article": [pages["draft"].pk]})
    assert "no longer on the site" in response.content.decode()
    assert not Pack.objects.exists()


def test_more_pages_than_a_pack_holds_are_refused(client):
    many = [make_article(title=f"Page {n}").pk for n in range(MAX_PAGES + 1)]

    response = post(client, {"article": many})

    assert f"A pack holds up to {MAX_PAGES} pages: you ticked {MAX_PAGES + 1}" in (
        response.content.decode()
    )
    assert not Pack.objects.exists()
    assert make_pack(client, {"article": many[:MAX_PAGES]}).page_ids()[-1][1] == many[11]


def test_the_title_is_tidied_and_escaped(client, pages):
    pack = make_pack(
        client, {"title": "  <script>alert(1)</script>\x00 night ", "article": [pages["sleep"].pk]}
    )
    assert pack.title == "<script>alert(1)</script> night"

    html = client.get(pack.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; night" in html


def test_a_huge_body_is_refused_plainly(client, pages):
    response = post(client, {"title": "x" * 20_000, "article": [pages["sleep"].pk]})
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/plain")
    assert not Pack.objects.exists()


def test_thousands_of_fields_are_refused_without_a_server_error(client, pages):
    data = "&".join(f"f{n}=1" for n in range(3000))
    response = client.generic(
        "POST", NEW, data, content_type="application/x-www-form-urlencoded", **OURS
    )
    assert response.status_code in (400, 413)
    assert not Pack.objects.exists()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_are_not_allowed(client, method):
    assert getattr(client, method)(NEW).status_code == 405


# Posts from other sites ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "https://testserver"},  # another scheme is another origin
        {"HTTP_ORIGIN": "http://testserver.evil.example"},
    ],
)
def test_a_post_from_another_site_is_refused_with_a_plain_403(client, pages, headers):
    response = client.post(NEW, {"article": [pages["sleep"].pk]}, **headers)

    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/plain")
    assert "only be made from the form on this site" in response.content.decode()
    assert not Pack.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        OURS,
        {"HTTP_SEC_FETCH_SITE": "none"},
        {"HTTP_ORIGIN": "http://testserver"},
        {},  # not a browser: nothing another site could send
    ],
)
def test_a_post_from_our_own_page_is_accepted(client, pages, headers):
    response = client.post(NEW, {"article": [pages["sleep"].pk]}, **headers)
    assert response.status_code == 303


# The rate limit -----------------------------------------------------------------------------------


def test_packs_are_limited_per_address_without_keeping_the_address(client, pages, settings):
    settings.PACK_RATE_LIMIT = 2
    data = {"article": [pages["sleep"].pk]}

    assert [post(client, data).status_code for _ in range(3)] == [303, 303, 429]
    refused = post(client, data)
    assert refused["Retry-After"]
    assert Pack.objects.count() == 2
    # Counted under a keyed hash of the address; another address is not held back.
    assert "127.0.0.1" not in repr(list(cache._cache.keys()))
    assert client.post(NEW, data, REMOTE_ADDR="10.1.2.3", **OURS).status_code == 303


def test_the_count_is_kept_under_the_digest_of_the_address(rf, pages, client, settings):
    import time

    from sharing.packs import RATE_WINDOW_SECONDS

    post(client, {"article": [pages["sleep"].pk]})
    request = rf.post(NEW, REMOTE_ADDR="127.0.0.1")
    window = int(time.time() // RATE_WINDOW_SECONDS)
    assert cache.get(f"ratelimit:packs:{address_digest(request, window)}") == 1


# The pack's page ----------------------------------------------------------------------------------


def test_the_pack_page_shows_its_pages_in_order_with_link_qr_and_sheet(client, pages):
    pack = make_pack(
        client,
        {"title": "Nights", "article": [pages["sleep"].pk], "tip_page": [pages["settling"].pk]},
    )

    response = client.get(pack.get_absolute_url())
    html = response.content.decode()

    assert response.status_code == 200
    assert "<h1>Nights</h1>" in html
    assert html.index("Sleep and you") < html.index("Settling tips")
    assert pages["sleep"].get_absolute_url() in html
    assert f"testserver/p/{pack.code}/" in html
    assert '<svg viewBox="' in html and "QR code for this share pack" in html
    assert f"/p/{pack.code}/sheet/" in html
    assert not response.cookies
    assert "public" in response["Cache-Control"]


def test_unpublished_pages_drop_out_and_a_pack_with_none_left_points_to_help(
    client, pages, django_capture_on_commit_callbacks
):
    pack = make_pack(client, {"article": [pages["crying"].pk, pages["sleep"].pk]})
    with django_capture_on_commit_callbacks(execute=True):
        pages["crying"].status = Status.DRAFT
        pages["crying"].save()

    html = client.get(pack.get_absolute_url()).content.decode()
    assert "Crying in the evening" not in html
    assert "Sleep and you" in html

    with django_capture_on_commit_callbacks(execute=True):
        pages["sleep"].delete()
    html = client.get(pack.get_absolute_url()).content.decode()
    assert "The pages in this pack are no longer on the site" in html
    assert 'href="/help/"' in html


def test_stored_items_that_make_no_sense_are_skipped(client, pages):
    pack = Pack.objects.create(
        code="abcdefgh",
        items=[
            {"kind": "resource", "id": 1},
            {"kind": "article", "id": "x"},
            "junk",
            {"kind": "tip_page", "id": pages["settling"].pk},
        ],
    )
    html = client.get(pack.get_absolute_url()).content.decode()
    assert "Settling tips" in html


@pytest.mark.parametrize(
    "path",
    [
        "/p/abc/",
        "/p/abcdefghj/",
        "/p/abcdefg1/",  # 1 is not in the alphabet
        "/p/abcdefgo/",
        "/p/%00%00%00%00%00%00%00%00/",
        "/p/%E2%9C%93abcdefg/",
        "/p/" + "a" * 5000 + "/",
        "/p/zzzzzzzz/",
        "/p/zzzzzzzz/sheet/",
        "/p/zzzzzzzz/qr.svg",
        "/p/zzzzzzzz/qr.png",
        "/p/../../etc/passwd/",
    ],
)
def test_bad_codes_are_not_found(client, path):
    assert client.get(path).status_code == 404


def test_a_code_in_capitals_goes_to_its_own_address(client, pages):
    pack = make_pack(client, {"article": [pages["sleep"].pk]})
    response = client.get(f"/p/{pack.code.upper()}/")
    assert response.status_code == 301
    assert response["Location"] == f"/p/{pack.code}/"


def test_the_sheet_lists_each_page_with_its_short_link(client, pages):
    pack = make_pack(
        client,
        {"title": "Nights", "article": [pages["sleep"].pk], "tip_page": [pages["settling"].pk]},
    )
    html = client.get(f"/p/{pack.code}/sheet/").content.decode()

    assert f"testserver/a/{pages['sleep'].pk}/" in html
    assert f"testserver/t/{pages['settling'].pk}/" in html
    assert f"testserver/p/{pack.code}/" in html
    assert "QR code for this share pack" in html
    assert "call 999" in html


def test_the_qr_codes_are_images_of_the_pack_address(client, pages):
    pack = make_pack(client, {"article": [pages["sleep"].pk]})

    svg = client.get(f"/p/{pack.code}/qr.svg")
    png = client.get(f"/p/{pack.code}/qr.png")

    assert svg.status_code == 200 and svg["Content-Type"].startswith("image/svg+xml")
    assert svg.content.lstrip().startswith(b"<svg") or b"<svg" in svg.content[:200]
    assert png.status_code == 200 and png["Content-Type"] == "image/png"
    assert png.content.startswith(b"\x89PNG")


# The page cache ----------------------------------------------------------------------------------


@pytest.fixture
def cached(settings):
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_SECONDS = 3600


def test_a_cached_pack_page_changes_when_a_page_is_retitled_or_unpublished(
    client, pages, cached, django_capture_on_commit_callbacks
):
    pack = make_pack(client, {"article": [pages["crying"].pk, pages["sleep"].pk]})
    url = pack.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        pages["sleep"].title = "Sleep and looking after you"
        pages["sleep"].save()
    html = client.get(url).content.decode()
    assert "Sleep and looking after you" in html

    with django_capture_on_commit_callbacks(execute=True):
        pages["crying"].status = Status.DRAFT
        pages["crying"].save()
    assert "Crying in the evening" not in client.get(url).content.decode()


def test_the_builder_is_cached_for_everyone(client, pages, cached):
    client.get(NEW)
    again = client.get(NEW)
    assert again["X-Page-Cache"] == "hit"
    assert not again.cookies


# The control on articles and tip pages ---------------------------------------------------------


def test_articles_and_tip_pages_offer_to_add_them_to_a_pack(client, pages):
    for page, item in (
        (pages["sleep"], f"article:{pages['sleep'].pk}"),
        (pages["settling"], f"tip_page:{pages['settling'].pk}"),
    ):
        html = client.get(page.get_absolute_url()).content.decode()
        assert f'data-pack-item="{item}"' in html
        assert 'href="/p/new/"' in html  # without JavaScript
        assert 'src="/static/js/pack.js" defer' in html
        assert re.search(r"<button[^>]*data-pack-add[^>]*hidden", html)


def test_the_script_is_small():
    script = (REPO / "static" / "js" / "pack.js").read_bytes()
    assert len(gzip.compress(script, 9)) <= 5 * 1024
    assert b"innerHTML" not in script and b"eval(" not in script


# Valid HTML ---------------------------------------------------------------------------------------


def test_the_pack_pages_are_valid_html(client, pages, tmp_path, django_capture_on_commit_callbacks):
    from tests.support.vnu import vnu_command, vnu_messages

    command = vnu_command()
    pack = make_pack(client, {"title": "Nights & days", "article": [pages["sleep"].pk]})
    with django_capture_on_commit_callbacks(execute=True):
        pack.retired_at = timezone.now()
        pack.save()
    error = post(client, {"title": "x" * 81, "article": ["abc"]})
    files = []
    for name, response in {
        "new": client.get(NEW),
        "new-error": error,
        "pack": client.get(pack.get_absolute_url()),
        "sheet": client.get(f"/p/{pack.code}/sheet/"),
        "article": client.get(pages["sleep"].get_absolute_url()),
    }.items():
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(path)

    problems = [f"{m.get('url')}: {m['message']}" for m in vnu_messages(command, files)]
    assert problems == []


# Queries ------------------------------------------------------------------------------------------


def test_a_pack_page_reads_a_few_rows_whatever_its_size(
    client, settings, django_assert_num_queries
):
    settings.PAGE_CACHE = False
    small = make_pack(client, {"article": [make_article().pk]})
    full = make_pack(
        client,
        {
            "article": [make_article().pk for _ in range(MAX_PAGES - 2)],
            "tip_page": [make_tip_page().pk for _ in range(2)],
        },
    )
    client.get(small.get_absolute_url())  # anything read once per process

    with django_assert_num_queries(2) as small_queries:
        client.get(small.get_absolute_url())
    with django_assert_num_queries(3):
        client.get(full.get_absolute_url())
    with django_assert_num_queries(3):
        client.get(f"/p/{full.code}/sheet/")
    assert "sharing_pack" in small_queries.captured_queries[0]["sql"]


def test_head_is_answered_like_get_and_posts_to_a_pack_are_not_allowed(client, pages):
    pack = make_pack(client, {"article": [pages["sleep"].pk]})
    for path in (NEW, f"/p/{pack.code}/", f"/p/{pack.code}/sheet/", f"/p/{pack.code}/qr.png"):
        assert client.head(path).status_code == 200, path
    assert client.post(f"/p/{pack.code}/", **OURS).status_code == 405
