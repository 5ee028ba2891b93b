import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import devices
from tests.support.accounts import enter_password, log_in

pytestmark = pytest.mark.django_db


def reset(*args):
    from io import StringIO

    out = StringIO()
    call_command("reset_staff_2fa", *args, stdout=out)
    return out.getvalue()


def test_reset_removes_the_app_and_the_backup_codes(app):
    devices.replace_backup_codes(app.user)

    output = reset("editor")

    assert "Removed 2 device(s) of editor" in output
    assert not TOTPDevice.objects.exists()
    assert not StaticDevice.objects.exists()


def test_dry_run_removes_nothing(app):
    output = reset("editor", "--dry-run")

    assert "Dry run" in output
    assert "Authenticator app" in output
    assert TOTPDevice.objects.count() == 1


def test_reset_can_run_again(app):
    reset("editor")

    assert "has no two-factor devices" in reset("editor")


def test_reset_of_an_unknown_user_says_so():
    with pytest.raises(CommandError, match="no user called 'ghost'"):
        reset("ghost")


def test_after_a_reset_the_old_session_is_refused_and_the_next_login_sets_up_again(client, app):
    log_in(client, app)
    assert client.get(reverse("admin:index")).status_code == 200

    reset("editor")

    assert client.get(reverse("admin:index")).status_code == 302
    client.post(reverse("admin:logout"))
    assert enter_password(client)["Location"].startswith(reverse("accounts:enrol"))


def test_an_old_session_cannot_set_up_a_new_app_without_the_password(client, app):
    # Say, a session on a lost laptop: the administrator resets the person's two-factor login.
    log_in(client, app)
    reset("editor")

    response = client.get(reverse("admin:index"), follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("accounts:login"))
    assert client.get(reverse("accounts:enrol"))["Location"].startswith(reverse("accounts:login"))
    client.post(reverse("accounts:enrol"), {"code": "123456"})
    assert not TOTPDevice.objects.exists()
