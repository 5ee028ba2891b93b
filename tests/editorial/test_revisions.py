"""Every save is kept as a revision; two can be compared; an old one can be brought back."""

import datetime
import time

import pytest
from django.urls import reverse

from core.models import Status
from guidance.models import Article, Stage
from tests.support.factories import make_article, make_stage, make_tip_page, make_topic
from tests.support.formdata import admin_url, change_url, form_data
from tips.models import Tip

pytestmark = pytest.mark.django_db


def save_in_admin(client, obj, **changes):
    data = form_data(client.get(change_url(obj)))
    response = client.post(change_url(obj), {**data, **changes})
    assert response.status_code == 302, response.context["adminform"].form.errors
    obj.refresh_from_db()
    return response


def test_an_admin_save_is_one_revision_with_who_why_and_the_links(admin_client, admin_user):
    article = make_article(title="Sleep")
    stage = make_stage(title="Newborn")
    before = article.history.count()

    save_in_admin(
        admin_client,
        article,
        title="Sleep, simply",
        stages=[str(stage.pk)],
        change_reason="Clearer title",
    )

    assert article.history.count() == before + 1
    latest = article.history.latest()
    assert latest.history_user == admin_user
    assert latest.history_change_reason == "Clearer title"
    assert latest.title == "Sleep, simply"
    assert list(latest.stages.values_list("stage_id", flat=True)) == [stage.pk]


def test_tips_changed_in_the_form_are_kept_with_who_changed_them(admin_client, admin_user):
    page = make_tip_page(tips=[{"baby_says": "I like your voice.", "try_this": "Sing."}])

    save_in_admin(admin_client, page, **{"tips-0-try_this": "Sing softly."})

    record = Tip.history.latest()
    assert record.try_this == "Sing softly."
    assert record.history_user == admin_user


def test_the_history_page_lists_who_and_which_fields_changed(admin_client, admin_user):
    admin_user.first_name, admin_user.last_name = "Ruth", "Jones"
    admin_user.save()
    article = make_article(title="Feeding")
    save_in_admin(admin_client, article, summary="A new summary.", change_reason="Typo")

    response = admin_client.get(admin_url(article, "history", article.pk))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Ruth Jones" in content
    assert "Summary" in content
    assert "Typo" in content
    assert 'style="' not in content  # the Content-Security-Policy forbids inline styles


def test_compare_shows_old_and_new_words_escaped_and_highlighted(admin_client):
    article = make_article(title="Crying <b>at night</b>")
    save_in_admin(admin_client, article, title="Crying <script>x</script> in the evening")
    old, new = article.history.order_by("history_date")[:2]

    response = admin_client.get(
        admin_url(article, "compare", article.pk), {"old": old.history_id, "new": new.history_id}
    )

    content = response.content.decode()
    labels = [change.label for change in response.context["changes"]]
    assert labels == ["Title"]
    assert "<script>x" not in content
    assert "&lt;script&gt;x&lt;/script&gt;" in content
    assert "<del>at" in content and "<ins>in" in content


def test_compare_with_the_page_as_it_is_now(admin_client):
    article = make_article(summary="Old summary.")
    first = article.history.get()
    save_in_admin(admin_client, article, summary="New summary.")

    response = admin_client.get(
        admin_url(article, "compare", article.pk), {"old": first.history_id}
    )

    change = response.context["changes"][0]
    assert (change.label, change.old, change.new) == ("Summary", "Old summary.", "New summary.")
    assert response.context["can_restore"]


def test_restoring_brings_back_words_links_and_tips_as_a_new_version(admin_client, admin_user):
    topic = make_topic()
    page = make_tip_page(
        title="Play",
        topics=[topic],
        tips=[{"baby_says": "Look at me.", "try_this": "Smile back."}],
    )
    first = page.history.latest()
    save_in_admin(
        admin_client,
        page,
        title="Play and talk",
        topics=[],
        status=Status.DRAFT,
        **{"tips-0-try_this": "Pull a funny face."},
    )
    version = page.version

    response = admin_client.post(admin_url(page, "restore", page.pk, first.history_id))

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Play"
    assert list(page.topics.all()) == [topic]
    assert page.tips.get().try_this == "Smile back."
    assert page.status == Status.DRAFT  # publishing is left as it was
    assert page.version == version + 1
    latest = page.history.latest()
    assert latest.history_user == admin_user
    assert latest.history_change_reason.startswith("Restored the version from")
    assert [row.topic_id for row in latest.topics.all()] == [topic.pk]


def test_restore_needs_a_post(admin_client):
    article = make_article()
    record = article.history.get()

    response = admin_client.get(admin_url(article, "restore", article.pk, record.history_id))

    assert response.status_code == 405


def test_simple_historys_own_revert_form_only_shows_the_comparison(admin_client):
    article = make_article(title="Kept")
    record = article.history.get()
    url = admin_url(article, "simple_history", article.pk, record.history_id)

    response = admin_client.post(url, {"title": "Overwritten", "slug": "x", "summary": "s"})

    assert response.status_code == 302
    assert reverse("admin:guidance_article_compare", args=[article.pk]) in response.url
    assert Article.objects.get().title == "Kept"


def test_stages_have_a_history_too(admin_client, admin_user):
    stage = make_stage(title="Pregnancy")
    data = form_data(admin_client.get(change_url(stage)))
    admin_client.post(change_url(stage), {**data, "title": "Expecting a baby"})

    response = admin_client.get(admin_url(stage, "history", stage.pk))

    assert response.status_code == 200
    assert Stage.history.latest().history_user == admin_user
    assert "Title" in response.content.decode()


def test_publishing_from_the_list_is_recorded_with_who_and_why(admin_client, admin_user):
    # Reviewed: the list's publish action leaves out pages never clinically reviewed.
    article = make_article(status=Status.DRAFT, last_reviewed=datetime.date(2026, 1, 5))

    admin_client.post(
        admin_url(Article, "changelist"), {"action": "publish", "_selected_action": [article.pk]}
    )

    latest = article.history.latest()
    assert latest.status == Status.PUBLISHED
    assert latest.history_user == admin_user
    assert latest.history_change_reason == "Published"


def test_links_to_stages_count_as_changed_fields(admin_client):
    article = make_article()
    stage = make_stage(title="Toddler")
    save_in_admin(admin_client, article, stages=[str(stage.pk)])
    old, new = article.history.order_by("history_date")[:2]

    response = admin_client.get(
        admin_url(article, "compare", article.pk), {"old": old.history_id, "new": new.history_id}
    )

    [change] = response.context["changes"]
    assert (change.label, change.old, change.new) == ("Stages", "—", "Toddler")


def test_new_lines_sent_by_a_browser_are_not_a_change(admin_client):
    article = make_article(in_brief="One point.\nAnother point.")

    save_in_admin(admin_client, article, in_brief="One point.\r\nAnother point.")

    response = admin_client.get(admin_url(article, "history", article.pk))
    assert response.context["page_obj"][0].changed_labels == []


def long_body(paragraphs, changed=()):
    """About 50 words a paragraph, every paragraph different; ``changed`` ones say so."""
    return "".join(
        f"<p>Paragraph {n} {'CHANGED' if n in changed else 'about'} "
        + " ".join(f"word{n}x{k}" for k in range(48))
        + "</p>"
        for n in range(paragraphs)
    )


def test_two_long_revisions_compare_within_a_second_and_show_what_changed(admin_client):
    # 400 paragraphs of 50 words: 20,000 words, changed in 100 places (difflib over every
    # word took minutes).
    article = make_article(body=long_body(400))
    changed = set(range(0, 400, 4))
    article.body = long_body(400, changed)
    article.save()
    old, new = article.history.order_by("history_date")[:2]

    started = time.perf_counter()
    response = admin_client.get(
        admin_url(article, "compare", article.pk), {"old": old.history_id, "new": new.history_id}
    )
    elapsed = time.perf_counter() - started

    content = response.content.decode()
    assert response.status_code == 200
    assert elapsed < 1, elapsed
    assert content.count("<ins>CHANGED</ins>") == len(changed)
    assert content.count("<del>about</del>") == len(changed)


def test_changes_too_many_to_mark_word_by_word_are_marked_as_paragraphs(admin_client):
    article = make_article(body="<p>" + " ".join(f"old{k}" for k in range(400)) + "</p>")
    save_in_admin(admin_client, article, body="<p>" + " ".join(f"new{k}" for k in range(400)))
    old, new = article.history.order_by("history_date")[:2]

    response = admin_client.get(
        admin_url(article, "compare", article.pk), {"old": old.history_id, "new": new.history_id}
    )

    content = response.content.decode()
    assert "<del>old0 old1" in content and "old399</del>" in content
    assert "<ins>new0 new1" in content
    assert "1 paragraph changed. It is too long to mark word by word" in content


def test_paragraphs_put_in_or_taken_out_are_marked_whole(admin_client):
    article = make_article(body="<p>First.</p><p>Second, to go.</p><p>Third.</p>")
    save_in_admin(admin_client, article, body="<p>First.</p><p>Third.</p><p>A new ending.</p>")
    old, new = article.history.order_by("history_date")[:2]

    response = admin_client.get(
        admin_url(article, "compare", article.pk), {"old": old.history_id, "new": new.history_id}
    )

    change = next(c for c in response.context["changes"] if c.name == "body")
    assert change.old_html == "First.\n<del>Second, to go.</del>\nThird."
    assert change.new_html == "First.\nThird.\n<ins>A new ending.</ins>"
    assert change.summary == ""
