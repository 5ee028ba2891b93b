"""
"Was this page helpful?" on the public site (feedback/views.py): the buttons in the cached part
of articles, tip pages and the help page; the answer, the thank-you page and the comment
(post, redirect, get); and every way a post is refused, always with a 4xx and never a cookie.
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from django.core.cache import cache

from core.models import Status
from feedback import tokens
from feedback.models import Answer, Comment
from tests.support.factories import make_article, make_tip_page

pytestmark = pytest.mark.django_db

OURS = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}


@pytest.fixture(autouse=True)
def no_general_post_limit(settings):
    """The site-wide limit on anonymous POSTs would stop these tests first."""
    settings.LOGIN_RATE_LIMIT = 0


@pytest.fixture
def article():
    return make_article(title="Crying in the evening")


def answer(client, data, **headers):
    return client.post("/feedback/", data, **{**OURS, **headers})


def token_of(response):
    return parse_qs(urlsplit(response["Location"]).query)["t"][0]


def comment(client, token, text, **headers):
    return client.post(
        "/feedback/comment/", {"token": token, "comment": text}, **{**OURS, **headers}
    )


def assert_no_cookie(response):
    assert not response.cookies
    assert "Set-Cookie" not in response
    assert "Cookie" not in response.get("Vary", "")


# The buttons on public pages -------------------------------------------------------------------


def test_the_buttons_are_on_articles_tip_pages_and_help_pages(client, article):
    tip_page = make_tip_page(title="Settling")
    expected = {
        article.get_absolute_url(): f"article:{article.pk}",
        tip_page.get_absolute_url(): f"tip_page:{tip_page.pk}",
        "/help/": "help",
        "/help/wales/": "help:wales",
    }
    for url, key in expected.items():
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert "Was this page helpful?" in html
        assert f'name="page" value="{key}"' in html
        assert 'name="answer" value="Yes"' in html and 'name="answer" value="No"' in html
        assert 'class="feedback-trap"' in html
        assert "csrfmiddlewaretoken" not in html
        assert "style=" not in html.split('class="feedback"')[1].split("</section>")[0]
        assert 'src="/static/js/feedback.js" defer' in html
        assert_no_cookie(response)


def test_the_cached_page_is_the_same_for_two_visitors_and_holds_no_token(settings, article):
    from django.test import Client

    settings.PAGE_CACHE = True
    url = article.get_absolute_url()
    first, second = Client().get(url), Client().get(url)
    assert first.content == second.content
    html = first.content.decode()
    assert 'action="/feedback/"' in html
    assert 'name="token"' not in html and "/feedback/thanks/?t=" not in html
    assert "csrf" not in html.lower()
    assert_no_cookie(first)
    assert "public" in first["Cache-Control"]


# Post, redirect, get ---------------------------------------------------------------------------


def test_an_answer_is_kept_and_leads_to_the_thank_you_page_with_the_comment_form(client, article):
    response = answer(client, {"page": f"article:{article.pk}", "answer": "No"})

    assert response.status_code == 303
    assert response["Location"].startswith("/feedback/thanks/?t=")
    assert response["Cache-Control"] == "no-store"
    assert_no_cookie(response)
    kept = Answer.objects.get()
    assert (kept.page, kept.helpful) == (f"article:{article.pk}", False)

    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert page["Cache-Control"] == "no-store"
    assert "We are sorry it did not help" in html
    assert "What were you looking for?" in html
    assert "Please do not include names" in html and "health" in html
    assert 'maxlength="500"' in html
    assert f'href="{article.get_absolute_url()}"' in html
    assert "Crying in the evening" in html
    assert_no_cookie(page)


def test_yes_is_kept_as_helpful(client):
    response = answer(client, {"page": "help:scotland", "answer": "Yes"})
    assert response.status_code == 303
    assert Answer.objects.get().helpful is True
    assert "glad it helped" in client.get(response["Location"]).content.decode()


def test_a_comment_joins_its_answer_without_email_or_phone(client, article):
    token = token_of(answer(client, {"page": f"article:{article.pk}", "answer": "No"}))
    response = comment(
        client, token, "Nothing on naps. Text me on +44 7700 900123 or jo.b@example.org"
    )

    assert response.status_code == 303
    assert_no_cookie(response)
    kept = Comment.objects.get()
    assert kept.answer == Answer.objects.get()
    assert kept.text == (
        "Nothing on naps. Text me on [phone number removed] or [e-mail address removed]"
    )
    assert not kept.dealt_with
    after = client.get(response["Location"]).content.decode()
    assert "Thank you for your comment" in after
    assert 'name="comment"' not in after


def test_a_second_comment_on_one_answer_is_refused(client, article):
    token = token_of(answer(client, {"page": "help", "answer": "No"}))
    assert comment(client, token, "First").status_code == 303
    again = comment(client, token, "Second")
    assert again.status_code == 409
    assert list(Comment.objects.values_list("text", flat=True)) == ["First"]


def test_an_empty_comment_is_asked_for_again(client):
    token = token_of(answer(client, {"page": "help", "answer": "No"}))
    response = comment(client, token, "   ")
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem with your comment" in html
    assert 'aria-invalid="true"' in html
    assert not Comment.objects.exists()


def test_a_comment_over_500_characters_is_refused_with_its_message(client):
    token = token_of(answer(client, {"page": "help", "answer": "No"}))
    response = comment(client, token, "a" * 501)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Use 500 characters or fewer (you used 501)" in html
    assert not Comment.objects.exists()
    assert comment(client, token, "é" * 500).status_code == 303


# Refusals ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://testserver"},
    ],
)
def test_posts_from_other_sites_are_refused(client, article, headers):
    data = {"page": f"article:{article.pk}", "answer": "No"}
    response = client.post("/feedback/", data, **headers)
    assert response.status_code == 403
    token = tokens.make(Answer.objects.create(page="help", helpful=False))
    refused = client.post("/feedback/comment/", {"token": token, "comment": "x"}, **headers)
    assert refused.status_code == 403
    assert Answer.objects.count() == 1 and not Comment.objects.exists()
    assert_no_cookie(response)


def test_a_browser_that_says_none_or_nothing_is_let_through(client):
    assert client.post("/feedback/", {"page": "help", "answer": "Yes"}).status_code == 303
    none = {"HTTP_SEC_FETCH_SITE": "none"}
    assert client.post("/feedback/", {"page": "help", "answer": "Yes"}, **none).status_code == 303


def test_the_trap_field_filled_in_is_refused(client):
    response = answer(client, {"page": "help", "answer": "Yes", "website": "http://spam"})
    assert response.status_code == 400
    token = tokens.make(Answer.objects.create(page="help", helpful=False))
    trapped = client.post(
        "/feedback/comment/", {"token": token, "comment": "hi", "website": "x"}, **OURS
    )
    assert trapped.status_code == 400
    assert Answer.objects.count() == 1 and not Comment.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"page": "help", "answer": "Maybe"},
        {"page": "help", "answer": ""},
        {"page": "help"},
        {"answer": "Yes"},
        {"page": "x" * 500, "answer": "Yes"},
        {"page": "help", "answer": "Y" * 5000},
    ],
)
def test_bad_answers_are_refused(client, data):
    assert answer(client, data).status_code == 400
    assert not Answer.objects.exists()


def test_unknown_and_unpublished_pages_are_refused(client, article):
    draft = make_article(title="Not yet", status=Status.DRAFT)
    for page in (
        "article:999999",
        f"article:{draft.pk}",
        "resource:1",
        "page:1",
        "help:atlantis",
        "help:",
        "article:0",
        "article:-1",
        "article:1e3",
        "ARTICLE:1",
    ):
        response = answer(client, {"page": page, "answer": "Yes"})
        assert response.status_code in (400, 404), page
    assert not Answer.objects.exists()


def test_the_rate_limit_counts_per_address_and_keeps_no_address(client, settings):
    settings.FEEDBACK_RATE_LIMIT = 3
    for _ in range(3):
        assert answer(client, {"page": "help", "answer": "Yes"}).status_code == 303
    refused = answer(client, {"page": "help", "answer": "Yes"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert Answer.objects.count() == 3
    # Another address still may.
    other = answer(client, {"page": "help", "answer": "Yes"}, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 303
    keys = [key for key in cache._cache if "feedback" in str(key)]  # locmem in tests
    assert keys and not any("127.0.0.1" in str(key) or "192.0.2.7" in str(key) for key in keys)


def test_a_huge_body_is_refused_before_it_is_read(client):
    response = answer(client, {"page": "help", "answer": "Yes", "website": "", "x": "a" * 100_000})
    assert response.status_code == 413
    token = tokens.make(Answer.objects.create(page="help", helpful=False))
    assert comment(client, token, "a" * 50_000).status_code == 413
    assert not Comment.objects.exists()


def test_odd_encodings_never_give_a_500(client):
    cases = [
        (b"page=help&answer=Yes", "application/x-www-form-urlencoded; charset=nonsense"),
        (b"page=help&answer=\xff\xfe", "application/x-www-form-urlencoded"),
        (b"page=h%00elp&answer=Yes", "application/x-www-form-urlencoded"),
        (b"--b\r\nbroken", "multipart/form-data; boundary=b"),
        (b"--b\r\nbroken", "multipart/form-data"),
        (b'{"page": "help", "answer": "Yes"}', "application/json"),
        (
            "page=help&answer=Yes".encode("utf-16"),
            "application/x-www-form-urlencoded; charset=utf-16",
        ),
    ]
    for body, content_type in cases:
        for url in ("/feedback/", "/feedback/comment/"):
            response = client.generic("POST", url, body, content_type=content_type, **OURS)
            assert 400 <= response.status_code < 500 or response.status_code == 303, (
                body,
                content_type,
                response.status_code,
            )
            assert_no_cookie(response)
    odd = comment(client, tokens.make(Answer.objects.create(page="help", helpful=True)), "a\x00b")
    assert odd.status_code == 303
    assert Comment.objects.get().text == "a b"


@pytest.mark.parametrize("url", ["/feedback/", "/feedback/comment/"])
@pytest.mark.parametrize("method", ["get", "put", "delete", "head"])
def test_the_post_addresses_take_posts_only(client, url, method):
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert_no_cookie(response)


def test_thanks_takes_no_post(client):
    assert client.post("/feedback/thanks/", **OURS).status_code == 405


def test_forged_expired_and_missing_tokens_are_refused(client, settings):
    kept = Answer.objects.create(page="help", helpful=False)
    good = tokens.make(kept)
    other_key = signing.TimestampSigner(key="another key", salt=tokens.SALT).sign(str(kept.pk))
    signer = signing.TimestampSigner(salt=tokens.SALT)
    old = signer.sign(str(kept.pk))
    forged = [
        "",
        "nonsense",
        other_key,
        good[:-2] + "xx",
        good.replace(f"{kept.pk}:", f"{kept.pk + 1}:", 1),
        signing.TimestampSigner(salt="another.salt").sign(str(kept.pk)),
        signer.sign("not-a-number"),
        "x" * 5000,
        signer.sign("424242"),  # no such answer
    ]
    for token in forged:
        page = client.get("/feedback/thanks/", {"t": token})
        assert page.status_code == 400, token
        assert 'name="comment"' not in page.content.decode()
        assert comment(client, token, "hello").status_code == 400, token

    import time

    real_time = time.time
    try:
        time.time = lambda: real_time() + tokens.TOKEN_SECONDS + 60
        expired = client.get("/feedback/thanks/", {"t": old})
        assert expired.status_code == 400
        assert "expired" in expired.content.decode()
        assert comment(client, old, "late").status_code == 400
    finally:
        time.time = real_time
    assert not Comment.objects.exists()


def test_thank_you_pages_are_never_stored_by_the_page_cache(client, settings):
    settings.PAGE_CACHE = True
    one = tokens.make(Answer.objects.create(page="help", helpful=True))
    two = tokens.make(Answer.objects.create(page="help", helpful=False))
    first = client.get("/feedback/thanks/", {"t": one}).content.decode()
    second = client.get("/feedback/thanks/", {"t": two}).content.decode()
    assert "glad it helped" in first and "sorry it did not help" in second
    assert re.search(r'name="token" value="([^"]+)"', second)[1] == two


def test_the_pages_with_the_form_and_the_thank_you_pages_are_valid_html(client, article, tmp_path):
    from tests.support.vnu import vnu_command, vnu_messages

    command = vnu_command()
    token = token_of(answer(client, {"page": f"article:{article.pk}", "answer": "No"}))
    files = []
    for name, response in {
        "article": client.get(article.get_absolute_url()),
        "help": client.get("/help/wales/"),
        "thanks": client.get("/feedback/thanks/", {"t": token}),
        "too-long": comment(client, token, "a" * 501),
        "bad-token": client.get("/feedback/thanks/", {"t": "forged"}),
    }.items():
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(path)
    comment(client, token, "Thanks")
    sent = tmp_path / "sent.html"
    sent.write_bytes(client.get("/feedback/thanks/", {"t": token}).content)
    files.append(sent)

    problems = [f"{m.get('url')}: {m['message']}" for m in vnu_messages(command, files)]
    assert problems == []


def test_the_form_reads_nothing_from_the_database(article, django_assert_num_queries):
    from django.template.loader import render_to_string

    with django_assert_num_queries(0):
        html = render_to_string("feedback/form.html", {"item": article})
        help_html = render_to_string("feedback/form.html", {"nation": "wales"})
    assert f'value="article:{article.pk}"' in html
    assert 'value="help:wales"' in help_html


def test_the_script_is_small_deferred_and_needs_no_inline_code(client):
    import gzip

    from tests.support.tools import REPO

    script = (REPO / "static" / "js" / "feedback.js").read_bytes()
    assert len(gzip.compress(script, 9)) <= 5 * 1024
    html = client.get("/help/").content.decode()
    assert '<script src="/static/js/feedback.js" defer></script>' in html
    form = html.split('class="feedback"')[1].split("</section>")[0]
    assert "<script" not in form and "style=" not in form
    assert not re.search(r"\son[a-z]+=", form)  # no inline event handlers
