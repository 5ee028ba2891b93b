"""
What staff get from page feedback: the report by page ("Yes"/"No" over 30 and 90 days), the CSV
downloads, comments newest first and marked dealt with, the editorial dashboard's section of
pages with the most "No" answers, and the daily pruning of old comments.
"""

import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from editorial import dashboard, roles
from feedback.models import Answer, Comment
from feedback.report import dashboard_section, page_reports, safe_cell
from tests.support.factories import make_article, make_tip_page

pytestmark = pytest.mark.django_db


def answers(page, helpful, count, days_ago):
    when = timezone.now() - datetime.timedelta(days=days_ago)
    made = [Answer.objects.create(page=page, helpful=helpful) for _ in range(count)]
    Answer.objects.filter(pk__in=[a.pk for a in made]).update(created_at=when)
    return made


def commented(page, text, days_ago, helpful=False):
    answer = answers(page, helpful, 1, days_ago)[0]
    made = Comment.objects.create(answer=answer, text=text)
    when = timezone.now() - datetime.timedelta(days=days_ago)
    Comment.objects.filter(pk=made.pk).update(created_at=when)
    return made


@pytest.fixture
def world():
    crying = make_article(title="Crying in the evening")
    settling = make_tip_page(title="Settling tips")
    a, t = f"article:{crying.pk}", f"tip_page:{settling.pk}"
    answers(a, False, 3, 2)  # 3 "No" this week
    answers(a, True, 1, 10)
    answers(a, False, 2, 60)  # older than 30 days, within 90
    answers(a, True, 5, 200)  # older than 90 days: in no count
    answers(t, True, 4, 1)
    answers(t, False, 1, 45)
    answers("help:wales", False, 1, 3)
    return {"crying": crying, "settling": settling, "a": a, "t": t}


def test_the_report_counts_yes_and_no_over_30_and_90_days(world):
    reports = {r.page: r for r in page_reports()}
    a, t = reports[world["a"]], reports[world["t"]]
    assert (a.yes_30, a.no_30, a.yes_90, a.no_90) == (1, 3, 1, 5)
    assert (t.yes_30, t.no_30, t.yes_90, t.no_90) == (4, 0, 4, 1)
    assert a.title == "Crying in the evening" and a.url == world["crying"].get_absolute_url()
    assert reports["help:wales"].title == "Where to get help in Wales"
    assert next(r.page for r in page_reports()) == world["a"]  # most "No" first


def test_the_report_page_and_its_csv(world, admin_client):
    html = admin_client.get(reverse("admin:feedback_answer_report")).content.decode()
    assert "Crying in the evening" in html and "Settling tips" in html
    assert reverse("admin:feedback_answer_report_csv") in html

    response = admin_client.get(reverse("admin:feedback_answer_report_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Page", "Kind", "Address"]
    by_title = {row[0]: row for row in rows[1:]}
    assert by_title["Crying in the evening"][3:] == ["1", "3", "1", "5", "0"]
    assert by_title["Settling tips"][3:] == ["4", "0", "4", "1", "0"]


def test_comments_are_listed_newest_first_and_can_be_filtered_by_page(world, admin_client):
    commented(world["a"], "Older comment about crying", 20)
    commented(world["a"], "Newer comment about crying", 1)
    commented(world["t"], "About settling", 5)
    url = reverse("admin:feedback_comment_changelist")
    html = admin_client.get(url).content.decode()
    assert html.index("Newer comment") < html.index("About settling") < html.index("Older comment")
    only = admin_client.get(url, {"page": world["t"]}).content.decode()
    assert "About settling" in only and "about crying" not in only


def test_marking_comments_dealt_with_and_back(world, admin_client):
    first = commented(world["a"], "One", 1)
    second = commented(world["a"], "Two", 2)
    url = reverse("admin:feedback_comment_changelist")
    response = admin_client.post(
        url, {"action": "mark_dealt_with", "_selected_action": [first.pk, second.pk]}, follow=True
    )
    assert "2 comments marked dealt with." in response.content.decode()
    assert set(Comment.objects.values_list("dealt_with", flat=True)) == {True}
    assert {r.page: r.open_comments for r in page_reports()}[world["a"]] == 0
    admin_client.post(url, {"action": "mark_not_dealt_with", "_selected_action": [first.pk]})
    first.refresh_from_db()
    assert not first.dealt_with
    open_only = admin_client.get(url, {"dealt_with__exact": "0"}).content.decode()
    assert "One" in open_only and ">Two<" not in open_only


def test_the_comments_csv_holds_what_staff_need_and_no_formula(world, admin_client):
    made = commented(world["a"], '=HYPERLINK("http://evil")', 1)
    plain = commented(world["t"], "Nothing on naps", 2, helpful=True)
    response = admin_client.post(
        reverse("admin:feedback_comment_changelist"),
        {"action": "export_csv", "_selected_action": [made.pk, plain.pk]},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["When", "Page", "Address", "Helpful", "Comment", "Dealt with"]
    assert rows[1][1:] == [
        "Crying in the evening",
        world["crying"].get_absolute_url(),
        "No",
        '\'=HYPERLINK("http://evil")',
        "No",
    ]
    assert rows[2][1:] == [
        "Settling tips",
        world["settling"].get_absolute_url(),
        "Yes",
        "Nothing on naps",
        "No",
    ]


def test_the_answers_csv(world, admin_client):
    selected = list(Answer.objects.filter(page=world["t"]).values_list("pk", flat=True))
    response = admin_client.post(
        reverse("admin:feedback_answer_changelist"),
        {"action": "export_csv", "_selected_action": selected},
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Page", "Address", "Helpful", "When"]
    assert sorted(row[2] for row in rows[1:]) == ["No", "Yes", "Yes", "Yes", "Yes"]
    assert {row[0] for row in rows[1:]} == {"Settling tips"}


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"])
def test_cells_that_look_like_formulas_stay_text(text):
    assert safe_cell(text) == "'" + text
    assert safe_cell("Fine text") == "Fine text"


def test_the_dashboard_lists_pages_with_the_most_no_answers(world, client_for):
    html = client_for(roles.EDITOR).get(reverse("editorial:dashboard")).content.decode()
    section = html.split('id="feedback-no"')[1].split("</section>")[0]
    assert "Pages people said did not help (2)" in section
    assert section.index("Crying in the evening") < section.index("Where to get help in Wales")
    assert "Settling tips" not in section  # no "No" in the last 30 days
    assert 'href="#feedback-no"' in html  # in the counts at the top
    assert f"?page={world['a']}" in section


def test_the_dashboard_section_is_empty_politely_and_hidden_from_staff_without_the_right(
    client_for, rf, django_user_model
):
    html = client_for(roles.PUBLISHER).get(reverse("editorial:dashboard")).content.decode()
    assert 'No page had a "No" answer' in html.replace("&quot;", '"')
    request = rf.get("/")
    request.user = django_user_model.objects.create_user("plain", is_staff=True)
    assert dashboard_section(request, timezone.localdate()) is None
    assert dashboard_section in dashboard._EXTRA_SECTIONS


def test_prune_deletes_only_comments_past_the_retention_period(world, settings):
    settings.FEEDBACK_RETENTION_DAYS = 30
    old = commented(world["a"], "Old", 31)
    new = commented(world["a"], "New", 29)
    answers_before = Answer.objects.count()
    out = io.StringIO()
    call_command("prune_feedback", "--dry-run", stdout=out)
    assert "1 comments" in out.getvalue() and Comment.objects.count() == 2
    call_command("prune_feedback", stdout=io.StringIO())
    assert list(Comment.objects.all()) == [new]
    assert Answer.objects.count() == answers_before  # the counts stay
    assert Answer.objects.filter(pk=old.answer_id).exists()
    call_command("prune_feedback", "--days", "1", stdout=io.StringIO())
    assert not Comment.objects.exists()
    with pytest.raises(CommandError):
        call_command("prune_feedback", "--days", "0")


def test_the_retention_period_defaults_to_a_year(settings):
    from config import settings as site_settings

    assert site_settings.FEEDBACK_RETENTION_DAYS == 365
