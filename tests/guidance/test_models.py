import datetime

import pytest
from django.utils import timezone

from core.models import Status, add_months
from guidance.models import Article, Nation, Page, Resource
from tests.support.factories import make_article, make_page, make_resource, make_tip_page
from tips.models import TipPage

pytestmark = pytest.mark.django_db

PUBLISHABLE = [
    pytest.param(make_article, Article, id="article"),
    pytest.param(make_tip_page, TipPage, id="tip-page"),
    pytest.param(make_resource, Resource, id="resource"),
    pytest.param(make_page, Page, id="page"),
]


# Visibility: drafts, published and scheduled content


@pytest.mark.parametrize(("make", "model"), PUBLISHABLE)
def test_content_is_a_draft_unless_published(make, model):
    item = make(status=Status.DRAFT)

    assert item.status == Status.DRAFT
    assert item.published_at is None
    assert not item.is_public
    assert item not in model.objects.published()


def test_new_article_defaults_to_draft():
    article = Article.objects.create(title="Crying", slug="crying", summary="s", body="<p>b</p>")

    assert article.status == Status.DRAFT
    assert not Article.objects.published().exists()


@pytest.mark.parametrize(("make", "model"), PUBLISHABLE)
def test_published_content_is_public(make, model):
    item = make()

    assert item.is_public
    assert list(model.objects.published()) == [item]


@pytest.mark.parametrize(("make", "model"), PUBLISHABLE)
def test_publishing_sets_published_at_to_now(make, model):
    before = timezone.now()
    item = make(status=Status.DRAFT)

    item.status = Status.PUBLISHED
    item.save()

    assert before <= item.published_at <= timezone.now()
    assert item in model.objects.published()


def test_publishing_keeps_a_chosen_published_at(past):
    article = make_article(published_at=past)

    article.refresh_from_db()
    assert article.published_at == past


@pytest.mark.parametrize(("make", "model"), PUBLISHABLE)
def test_scheduled_content_is_hidden_until_its_time(make, model, future):
    item = make(published_at=future)

    assert not item.is_public
    assert item not in model.objects.published()


@pytest.mark.parametrize(("make", "model"), PUBLISHABLE)
def test_scheduled_content_becomes_public_when_its_time_passes(make, model, monkeypatch):
    publish_at = timezone.now() + datetime.timedelta(hours=1)
    item = make(published_at=publish_at)
    assert item not in model.objects.published()

    later = publish_at + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert item.is_public
    assert item in model.objects.published()


def test_draft_with_a_past_publish_time_is_not_public(past):
    article = make_article(status=Status.DRAFT, published_at=past)

    assert not article.is_public
    assert article not in Article.objects.published()


# Sanitising staff HTML


@pytest.mark.parametrize("make", [make_article, make_page], ids=["article", "page"])
def test_body_is_sanitised_on_save(make):
    item = make(
        body=(
            '<p onclick="steal()">Hello <script>alert("x")</script>'
            '<a href="javascript:alert(1)">bad link</a></p>'
            '<img src="x" onerror="steal()"><iframe src="https://example.com"></iframe>'
            "<style>p { display: none }</style>"
        )
    )

    item.refresh_from_db()
    assert "<script" not in item.body
    assert "alert" not in item.body
    assert "onclick" not in item.body
    assert "javascript:" not in item.body
    assert "<img" not in item.body
    assert "onerror" not in item.body
    assert "<iframe" not in item.body
    assert "<style" not in item.body
    assert "Hello" in item.body
    assert "bad link" in item.body


def test_body_keeps_simple_formatting_and_safe_links():
    body = (
        "<h2>When crying is normal</h2><h3>At night</h3>"
        "<p>Some <strong>bold</strong>, <em>italic</em>, <b>b</b> and <i>i</i> text.<br>Next.</p>"
        "<ul><li>One</li></ul><ol><li>Two</li></ol><blockquote>Quote</blockquote>"
        '<p><a href="https://www.nhs.uk/" title="NHS">NHS</a> <a href="tel:111">111</a> '
        '<a href="mailto:help@example.org">mail</a></p>'
    )

    article = make_article(body=body)

    for kept in (
        "<h2>When crying is normal</h2>",
        "<h3>At night</h3>",
        "<strong>bold</strong>",
        "<em>italic</em>",
        "<b>b</b>",
        "<i>i</i>",
        "<br>",
        "<ul><li>One</li></ul>",
        "<ol><li>Two</li></ol>",
        "<blockquote>Quote</blockquote>",
        'href="https://www.nhs.uk/"',
        'title="NHS"',
        'href="tel:111"',
        'href="mailto:help@example.org"',
    ):
        assert kept in article.body
    assert 'rel="noopener noreferrer"' in article.body


def test_body_sanitising_is_stable_on_resave():
    article = make_article(body='<p>Hi <a href="https://nhs.uk">NHS</a></p>')
    first = article.body

    article.save()

    assert article.body == first


def test_article_keeps_a_plain_text_copy_of_its_body():
    article = make_article(body="<h2>Cues</h2><p>Your baby&rsquo;s <strong>cues</strong>.</p>")

    assert article.body_text == "Cues Your baby\u2019s cues."


# Clinical review dates


def test_next_review_due_defaults_to_twelve_months_after_last_review():
    article = make_article(last_reviewed=datetime.date(2025, 3, 10))

    assert article.next_review_due == datetime.date(2026, 3, 10)


def test_next_review_due_after_29_february_falls_on_28_february():
    tip_page = make_tip_page(last_reviewed=datetime.date(2024, 2, 29))

    assert tip_page.next_review_due == datetime.date(2025, 2, 28)


def test_next_review_due_is_not_overwritten_when_set():
    article = make_article(
        last_reviewed=datetime.date(2025, 3, 10), next_review_due=datetime.date(2025, 9, 1)
    )

    assert article.next_review_due == datetime.date(2025, 9, 1)


def test_recording_a_new_review_moves_a_stale_due_date_on():
    article = make_article(last_reviewed=datetime.date(2025, 1, 1))
    assert article.next_review_due == datetime.date(2026, 1, 1)

    article.last_reviewed = datetime.date(2026, 1, 5)
    article.save()

    assert article.next_review_due == datetime.date(2027, 1, 5)


def test_next_review_due_stays_empty_without_a_review():
    article = make_article()

    assert article.last_reviewed is None
    assert article.next_review_due is None


def test_review_interval_comes_from_settings(settings):
    settings.REVIEW_INTERVAL_MONTHS = 6

    article = make_article(last_reviewed=datetime.date(2025, 8, 31))

    assert article.next_review_due == datetime.date(2026, 2, 28)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2025, 1, 31), 1, datetime.date(2025, 2, 28)),
        (datetime.date(2024, 1, 31), 1, datetime.date(2024, 2, 29)),
        (datetime.date(2025, 3, 31), 1, datetime.date(2025, 4, 30)),
        (datetime.date(2025, 11, 15), 2, datetime.date(2026, 1, 15)),
        (datetime.date(2025, 12, 1), 12, datetime.date(2026, 12, 1)),
        (datetime.date(2024, 2, 29), 48, datetime.date(2028, 2, 29)),
    ],
)
def test_add_months_clamps_to_the_end_of_a_shorter_month(day, months, expected):
    assert add_months(day, months) == expected


# Resources and nations


def test_for_nation_includes_uk_wide_and_that_nation_only():
    uk_wide = make_resource(name="UK-wide line")
    wales = make_resource(name="Welsh line", nations=["wales"])
    scotland = make_resource(name="Scottish line", nations=["scotland"])
    england_and_wales = make_resource(name="Two nations", nations=["england", "wales"])

    for_wales = set(Resource.objects.for_nation(Nation.WALES))

    assert for_wales == {uk_wide, wales, england_and_wales}
    assert scotland not in for_wales
    assert set(Resource.objects.for_nation("scotland")) == {uk_wide, scotland}
    assert set(Resource.objects.for_nation(Nation.NORTHERN_IRELAND)) == {uk_wide}


def test_for_nation_rejects_an_unknown_nation():
    with pytest.raises(ValueError):
        Resource.objects.for_nation("france")


def test_for_nation_chains_with_published():
    make_resource(name="Draft Welsh line", nations=["wales"], status=Status.DRAFT)
    live = make_resource(name="Live Welsh line", nations=["wales"])

    assert list(Resource.objects.published().for_nation(Nation.WALES)) == [live]


@pytest.mark.parametrize(
    ("nations", "label"),
    [
        (None, "UK-wide"),
        (["wales"], "Wales"),
        (["northern-ireland"], "Northern Ireland"),
        (["england", "wales"], "England, Wales"),
        (["england", "scotland", "wales"], "England, Scotland, Wales"),
    ],
)
def test_nations_label_names_the_nations_or_says_uk_wide(nations, label):
    resource = make_resource(nations=nations)

    assert str(resource.nations_label) == label


def test_phone_and_text_links_keep_only_what_a_phone_dials():
    resource = make_resource(phone="0800 123 4567", text_number="85 258", text_message="SHOUT")

    assert resource.phone_href == "tel:+448001234567"
    assert resource.phone == "0800 123 4567"
    assert resource.sms_href == "sms:85258?&body=SHOUT"
    assert make_resource(text_number="85258").sms_href == "sms:85258"


# In brief points


def test_in_brief_points_are_one_per_line_without_bullets_or_blank_lines():
    article = make_article(
        in_brief="- Crying peaks at 6 weeks\n\n* Stay calm\r\n  • Ask for help  \n"
    )

    assert article.in_brief_points == ["Crying peaks at 6 weeks", "Stay calm", "Ask for help"]


def test_in_brief_points_empty_when_in_brief_is_blank():
    assert make_article(in_brief="").in_brief_points == []
    assert make_article(in_brief=" \n - \n").in_brief_points == []


# Addresses


def test_each_kind_of_content_has_its_own_address():
    assert make_article(slug="crying").get_absolute_url() == "/guidance/crying/"
    assert make_tip_page(slug="feeding").get_absolute_url() == "/tips/feeding/"
    assert make_page(slug="about").get_absolute_url() == "/about/"
    assert make_resource(slug="samaritans").get_absolute_url() == "/help/#samaritans"
