"""``send_review_reminders``: one kind e-mail per person, listing the pages they should review."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.support.factories import make_article, make_tip_page
from tests.support.formdata import change_url

pytestmark = pytest.mark.django_db

SITE = "https://littlevoices.example.org"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def make_user(username, email="", *, groups=(), active=True, first_name=""):
    user = User.objects.create_user(
        username, email=email, is_staff=True, is_active=active, first_name=first_name
    )
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


def mail_to(address):
    (message,) = [message for message in mail.outbox if message.to == [address]]
    return message


def test_owners_get_their_overdue_and_soon_due_pages_in_one_email():
    owner = make_user("robin", "robin@example.org", first_name="Robin")
    make_article(title="Crying", owner=owner, next_review_due=days(-2))
    make_tip_page(title="Newborn days", owner=owner, next_review_due=days(10))
    make_article(title="Not yet", owner=owner, next_review_due=days(90))

    call_command("send_review_reminders")

    assert len(mail.outbox) == 1
    message = mail_to("robin@example.org")
    assert "2 pages are due for clinical review" in message.subject
    assert message.body.startswith("Hello Robin,")
    body = message.body
    assert body.index("Crying (article)") < body.index("Review was due on") < body.index("Newborn")
    assert body.index("Newborn days (tip page)") < body.index("Review due on")
    assert "Not yet" not in message.body
    assert message.content_subtype == "plain"


def test_links_in_the_email_are_absolute_admin_addresses():
    owner = make_user("robin", "robin@example.org")
    article = make_article(title="Crying", owner=owner, next_review_due=days(-2))

    call_command("send_review_reminders")

    assert f"{SITE}{change_url(article)}" in mail_to("robin@example.org").body


def test_pages_with_no_owner_go_to_every_active_clinical_reviewer():
    make_user("sam", "sam@example.org", groups=["Clinical reviewer"])
    make_user("jo", "jo@example.org", groups=["Clinical reviewer"])
    make_user("gone", "gone@example.org", groups=["Clinical reviewer"], active=False)
    make_user("ed", "ed@example.org", groups=["Editor"])
    make_article(title="Unowned", next_review_due=days(-1))

    call_command("send_review_reminders")

    assert sorted(address for message in mail.outbox for address in message.to) == [
        "jo@example.org",
        "sam@example.org",
    ]
    body = mail_to("sam@example.org").body
    assert "Pages with nobody looking after them" in body
    assert "Unowned" in body


def test_an_owner_without_an_email_address_is_covered_by_the_reviewers():
    owner = make_user("noemail")
    make_user("sam", "sam@example.org", groups=["Clinical reviewer"])
    make_article(title="Quiet owner", owner=owner, next_review_due=days(-1))

    call_command("send_review_reminders")

    assert [message.to for message in mail.outbox] == [["sam@example.org"]]
    assert "Quiet owner" in mail.outbox[0].body


def test_a_reviewer_who_also_owns_pages_gets_one_email_with_both_lists():
    sam = make_user("sam", "sam@example.org", groups=["Clinical reviewer"])
    make_article(title="Sam's page", owner=sam, next_review_due=days(5))
    make_article(title="Nobody's page", next_review_due=days(5))

    call_command("send_review_reminders")

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert body.index("Pages you look after") < body.index("Sam's page")
    assert body.index("Pages with nobody looking after them") < body.index("Nobody's page")


def test_nothing_is_sent_when_nothing_is_due(capsys):
    owner = make_user("robin", "robin@example.org")
    make_article(owner=owner, next_review_due=days(31))
    make_article(owner=owner)  # never reviewed: on the dashboard, not in reminders

    call_command("send_review_reminders")

    assert mail.outbox == []
    assert "nothing to send" in capsys.readouterr().out


def test_dry_run_prints_the_emails_and_sends_none(capsys):
    owner = make_user("robin", "robin@example.org")
    make_article(title="Crying", owner=owner, next_review_due=days(-2))

    call_command("send_review_reminders", "--dry-run")

    assert mail.outbox == []
    out = capsys.readouterr().out
    assert "To: robin@example.org" in out
    assert "Crying (article)" in out
    assert "1 e-mails would be sent; none was" in out


def test_production_without_an_email_server_is_warned_about(settings, capsys):
    settings.DEBUG = False
    settings.EMAIL_HOST_CONFIGURED = False
    settings.SITE_URL = "http://localhost:8000"
    owner = make_user("robin", "robin@example.org")
    make_article(owner=owner, next_review_due=days(-2))

    call_command("send_review_reminders")

    err = capsys.readouterr().err
    assert "DJANGO_EMAIL_HOST is not set" in err
    assert "DJANGO_SITE_URL is http://localhost:8000" in err
    assert len(mail.outbox) == 1
