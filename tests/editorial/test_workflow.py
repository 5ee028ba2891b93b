"""
The review workflow: submit a draft or a pending change with a note; a clinical reviewer or a
publisher approves it (recording the clinical review where they may) or sends it back with a
comment; people are e-mailed; every step is in the history and in "Recent changes"; and a
setting can hold back publishing until a clinical reviewer has approved the very version.
"""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.models import Status
from editorial import roles
from editorial.models import ReviewRequest, ReviewState, StepKind, WorkflowStep
from tests.support.factories import make_article, make_resource
from tests.support.formdata import admin_url, change_url, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(client_for):
    return {
        role: client_for(role) for role in (roles.EDITOR, roles.CLINICAL_REVIEWER, roles.PUBLISHER)
    }


def submit_url(obj):
    return reverse("editorial:submit_for_review", args=[obj._meta.model_name, obj.pk])


def decide_url(obj):
    return reverse("editorial:decide_review", args=[obj._meta.model_name, obj.pk])


def submit(client, obj, note="Please check the new sleep section."):
    return client.post(submit_url(obj), {"note": note})


def test_submitting_a_draft_puts_it_in_review_and_tells_reviewers_and_publishers(
    people, django_capture_on_commit_callbacks
):
    draft = make_article(status=Status.DRAFT, title="Night feeds")

    with django_capture_on_commit_callbacks(execute=True):
        response = submit(people[roles.EDITOR], draft)

    assert response.status_code == 302
    review = ReviewRequest.objects.get()
    assert (review.state, review.pending, review.note) == (
        ReviewState.IN_REVIEW,
        False,
        "Please check the new sleep section.",
    )
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "clinical_reviewer@example.org",
        "publisher@example.org",
    ]
    assert "Night feeds" in mail.outbox[0].subject
    assert "Please check the new sleep section." in mail.outbox[0].body
    assert WorkflowStep.objects.get().kind == StepKind.SUBMITTED


def test_the_dashboard_lists_what_waits_for_reviewers_oldest_first(people):
    older = make_article(status=Status.DRAFT, title="Older draft")
    newer = make_article(status=Status.DRAFT, title="Newer draft")
    submit(people[roles.EDITOR], older)
    submit(people[roles.EDITOR], newer)

    for role in (roles.CLINICAL_REVIEWER, roles.PUBLISHER):
        page = people[role].get(reverse("editorial:dashboard"))
        titles = [row.title for row in page.context["waiting"].rows]
        assert titles == ["Older draft", "Newer draft"]
    assert people[roles.EDITOR].get(reverse("editorial:dashboard")).context["waiting"] is None


def test_a_clinical_reviewer_approves_a_draft_and_records_the_review(
    people, django_capture_on_commit_callbacks
):
    draft = make_article(status=Status.DRAFT)
    submit(people[roles.EDITOR], draft)

    with django_capture_on_commit_callbacks(execute=True):
        people[roles.CLINICAL_REVIEWER].post(
            decide_url(draft),
            {"decision": "approve", "comment": "", "reviewed_by": "Dr Sam Lee, psychologist"},
        )

    draft.refresh_from_db()
    assert draft.last_reviewed == timezone.localdate()
    assert draft.reviewed_by == "Dr Sam Lee, psychologist"
    review = ReviewRequest.objects.get()
    assert review.state == ReviewState.APPROVED
    assert review.version == draft.version  # the approval covers the page as saved now
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "editor@example.org",
        "publisher@example.org",
    ]
    assert all("approved" in message.subject for message in mail.outbox)


def test_sending_back_needs_a_comment_which_the_editor_then_sees_on_the_form(people):
    draft = make_article(status=Status.DRAFT)
    submit(people[roles.EDITOR], draft)
    reviewer = people[roles.CLINICAL_REVIEWER]

    refused = reviewer.post(decide_url(draft), {"decision": "send_back", "comment": " "})
    assert refused.status_code == 200
    assert ReviewRequest.objects.get().state == ReviewState.IN_REVIEW

    reviewer.post(
        decide_url(draft), {"decision": "send_back", "comment": "Say <b>when</b> to call 111."}
    )

    form = people[roles.EDITOR].get(change_url(draft)).content.decode()
    assert "Sent back for changes." in form
    assert "Say &lt;b&gt;when&lt;/b&gt; to call 111." in form
    assert WorkflowStep.objects.filter(kind=StepKind.SENT_BACK).exists()


def test_an_editor_may_not_decide_and_nothing_can_be_decided_twice(people):
    draft = make_article(status=Status.DRAFT)
    assert people[roles.EDITOR].get(decide_url(draft)).status_code == 403
    # Nothing submitted yet: back to the form.
    assert people[roles.PUBLISHER].get(decide_url(draft)).status_code == 302
    submit(people[roles.EDITOR], draft)
    people[roles.PUBLISHER].post(decide_url(draft), {"decision": "approve", "comment": "Fine"})

    again = people[roles.PUBLISHER].post(
        decide_url(draft), {"decision": "send_back", "comment": "No"}
    )

    assert again.status_code == 302
    assert ReviewRequest.objects.get().state == ReviewState.APPROVED


def test_a_reviewer_may_not_submit_and_a_live_page_needs_a_change_first(people):
    live = make_article()
    assert people[roles.CLINICAL_REVIEWER].post(submit_url(live), {}).status_code == 403
    submit(people[roles.EDITOR], live)
    assert not ReviewRequest.objects.exists()


def test_a_pending_change_is_reviewed_and_its_clinical_review_goes_live_with_it(people):
    live = make_article(title="Live title")
    editor = people[roles.EDITOR]
    data = form_data(editor.get(change_url(live)))
    editor.post(change_url(live), {**data, "title": "Reviewed title"})
    submit(editor, live)
    assert ReviewRequest.objects.get().pending

    people[roles.CLINICAL_REVIEWER].post(
        decide_url(live),
        {"decision": "approve", "comment": "Good", "reviewed_by": "Dr Ana Cruz, midwife"},
    )
    live.refresh_from_db()
    assert live.reviewed_by == ""  # not yet: the change is not live

    people[roles.PUBLISHER].post(admin_url(live, "publish_pending", live.pk))

    live.refresh_from_db()
    assert (live.title, live.reviewed_by) == ("Reviewed title", "Dr Ana Cruz, midwife")
    assert not ReviewRequest.objects.exists()


def test_each_step_is_in_the_history_and_in_recent_changes(people):
    draft = make_article(status=Status.DRAFT, title="Teething")
    submit(people[roles.EDITOR], draft, note="First go")
    people[roles.PUBLISHER].post(decide_url(draft), {"decision": "send_back", "comment": "More"})

    history = people[roles.PUBLISHER].get(admin_url(draft, "history", draft.pk))
    assert [step.kind for step in history.context["workflow_steps"]] == [
        StepKind.SENT_BACK,
        StepKind.SUBMITTED,
    ]
    changes = people[roles.PUBLISHER].get(reverse("editorial:recent_changes"), {"action": "review"})
    lines = [(change.action, change.title) for change in changes.context["changes"]]
    assert lines == [("Sent back", "Teething"), ("Submitted for review", "Teething")]


@pytest.fixture
def approval_required(settings):
    settings.REQUIRE_CLINICAL_APPROVAL = True


def publish_from_list(client, obj):
    return client.post(
        admin_url(obj, "changelist"), {"action": "publish", "_selected_action": [obj.pk]}
    )


@pytest.mark.usefixtures("approval_required")
def test_with_the_setting_a_draft_is_published_only_after_clinical_approval(people):
    draft = make_article(status=Status.DRAFT, last_reviewed=timezone.localdate(), reviewed_by="X")
    publisher = people[roles.PUBLISHER]
    data = form_data(publisher.get(change_url(draft)))

    refused = publisher.post(change_url(draft), {**data, "status": Status.PUBLISHED})
    assert refused.status_code == 200
    assert "after a clinical reviewer has approved" in refused.content.decode()
    publish_from_list(publisher, draft)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT

    # A publisher's own approval is not a clinical one.
    submit(people[roles.EDITOR], draft)
    publisher.post(decide_url(draft), {"decision": "approve", "comment": ""})
    publish_from_list(publisher, draft)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT

    submit(people[roles.EDITOR], draft)
    people[roles.CLINICAL_REVIEWER].post(
        decide_url(draft), {"decision": "approve", "comment": "", "reviewed_by": "Dr Lee"}
    )
    publish_from_list(publisher, draft)
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED


@pytest.mark.usefixtures("approval_required")
def test_with_the_setting_an_edit_after_approval_needs_approving_again(people):
    draft = make_article(status=Status.DRAFT)
    submit(people[roles.EDITOR], draft)
    people[roles.CLINICAL_REVIEWER].post(
        decide_url(draft), {"decision": "approve", "comment": "", "reviewed_by": "Dr Lee"}
    )
    editor = people[roles.EDITOR]
    editor.post(change_url(draft), {**form_data(editor.get(change_url(draft))), "title": "Edit"})

    publish_from_list(people[roles.PUBLISHER], draft)

    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert (
        "the approval covers the earlier version" in editor.get(change_url(draft)).content.decode()
    )


@pytest.mark.usefixtures("approval_required")
def test_with_the_setting_a_pending_change_waits_for_approval_and_other_kinds_do_not(people):
    live = make_article(title="Live title")
    editor = people[roles.EDITOR]
    editor.post(change_url(live), {**form_data(editor.get(change_url(live))), "title": "New"})

    people[roles.PUBLISHER].post(admin_url(live, "publish_pending", live.pk))

    live.refresh_from_db()
    assert live.title == "Live title"
    resource = make_resource(status=Status.DRAFT)
    publish_from_list(people[roles.PUBLISHER], resource)
    resource.refresh_from_db()
    assert resource.status == Status.PUBLISHED  # helplines are not clinically reviewed


def test_the_note_and_comment_are_length_limited(people):
    draft = make_article(status=Status.DRAFT)
    response = people[roles.EDITOR].post(submit_url(draft), {"note": "x" * 501})
    assert response.status_code == 200
    assert not ReviewRequest.objects.exists()


def test_a_mail_server_that_is_down_does_not_undo_the_step(
    people, django_capture_on_commit_callbacks, settings, caplog
):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},  # nothing listens there
        }
    }
    draft = make_article(status=Status.DRAFT)

    with django_capture_on_commit_callbacks(execute=True):
        response = submit(people[roles.EDITOR], draft)

    assert response.status_code == 302
    assert ReviewRequest.objects.get().state == ReviewState.IN_REVIEW
    assert "Could not send 2 workflow e-mails" in caplog.text


def test_publishers_find_approved_pages_ready_to_publish_and_are_told(
    people, django_capture_on_commit_callbacks
):
    draft = make_article(status=Status.DRAFT, title="Ready")
    submit(people[roles.EDITOR], draft)

    with django_capture_on_commit_callbacks(execute=True):
        people[roles.CLINICAL_REVIEWER].post(
            decide_url(draft), {"decision": "approve", "comment": "", "reviewed_by": "Dr Lee"}
        )

    assert sorted(address for message in mail.outbox for address in message.to) == [
        "editor@example.org",
        "publisher@example.org",
    ]
    waiting = people[roles.PUBLISHER].get(reverse("editorial:dashboard")).context["waiting"]
    assert [(row.title, row.ready) for row in waiting.rows] == [("Ready", True)]
    reviewer_view = people[roles.CLINICAL_REVIEWER].get(reverse("editorial:dashboard"))
    assert reviewer_view.context["waiting"].rows == []


def test_a_draft_s_review_is_used_up_when_it_goes_live(people):
    draft = make_article(status=Status.DRAFT, last_reviewed=timezone.localdate(), reviewed_by="X")
    submit(people[roles.EDITOR], draft)
    people[roles.PUBLISHER].post(decide_url(draft), {"decision": "approve", "comment": ""})

    publish_from_list(people[roles.PUBLISHER], draft)

    assert not ReviewRequest.objects.exists()
    assert "Approved." not in people[roles.EDITOR].get(change_url(draft)).content.decode()


def test_a_site_administrator_may_approve_without_claiming_a_clinical_review(client_for):
    editor, admin_client = client_for(roles.EDITOR), client_for(roles.SITE_ADMINISTRATOR)
    draft = make_article(status=Status.DRAFT)
    submit(editor, draft)

    admin_client.post(decide_url(draft), {"decision": "approve", "comment": "", "reviewed_by": ""})

    draft.refresh_from_db()
    assert ReviewRequest.objects.get().state == ReviewState.APPROVED
    assert draft.last_reviewed is None


@pytest.mark.usefixtures("approval_required")
def test_with_the_setting_a_publisher_may_only_send_an_article_back(people):
    draft = make_article(status=Status.DRAFT)
    submit(people[roles.EDITOR], draft)
    publisher = people[roles.PUBLISHER]

    page = publisher.get(decide_url(draft))
    choices = [value for value, _label in page.context["form"].fields["decision"].choices]
    assert choices == ["send_back"]
    refused = publisher.post(decide_url(draft), {"decision": "approve", "comment": ""})

    assert refused.status_code == 200  # not a choice on offer
    assert ReviewRequest.objects.get().state == ReviewState.IN_REVIEW


def test_the_editor_s_dashboard_lists_what_was_sent_back_to_them(people):
    draft = make_article(status=Status.DRAFT, title="Colic")
    editor = people[roles.EDITOR]
    assert editor.get(reverse("editorial:dashboard")).context["sent_back"] is None
    submit(editor, draft)
    people[roles.PUBLISHER].post(
        decide_url(draft), {"decision": "send_back", "comment": "Add when to call 111."}
    )

    section = editor.get(reverse("editorial:dashboard")).context["sent_back"]

    assert [(row.title, row.comment) for row in section.rows] == [
        ("Colic", "Add when to call 111.")
    ]
    assert people[roles.PUBLISHER].get(reverse("editorial:dashboard")).context["sent_back"] is None


def test_recent_changes_reads_the_steps_pages_once_a_kind(people):
    publisher = people[roles.PUBLISHER]
    url = reverse("editorial:recent_changes")
    submit(people[roles.EDITOR], make_article(status=Status.DRAFT))
    publisher.get(url)  # sessions and permissions read once
    with CaptureQueriesContext(connection) as one:
        publisher.get(url, {"action": "review"})

    for number in range(10):
        submit(people[roles.EDITOR], make_article(status=Status.DRAFT, title=f"Draft {number}"))

    with CaptureQueriesContext(connection) as eleven:
        response = publisher.get(url, {"action": "review"})
    assert len(response.context["changes"]) == 11
    assert len(eleven.captured_queries) == len(one.captured_queries)
