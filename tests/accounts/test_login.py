import logging
import time
from urllib.parse import unquote

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from accounts import devices
from accounts.views import PENDING_KEY
from tests.support.accounts import PASSWORD, code_for, enter_code, enter_password, log_in

pytestmark = pytest.mark.django_db


def admin_index():
    return reverse("admin:index")


# The password step


def test_login_page_is_a_crispy_form_with_no_inline_script_or_style(client):
    response = client.get(reverse("accounts:login"))

    assert response.status_code == 200
    assertContains(response, 'class="textinput field__input"')
    assertContains(response, 'autocomplete="current-password"')
    assert b"<script>" not in response.content
    assert b"style=" not in response.content
    assert "no-store" in response["Cache-Control"]


def test_the_admin_login_url_leads_to_the_staff_login(client):
    response = client.get(admin_index())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assertRedirects(
        client.get(response["Location"]),
        f"{reverse('accounts:login')}?next={admin_index()}",
        fetch_redirect_response=False,
    )


def test_right_password_asks_for_a_code_and_logs_nobody_in(client, app):
    response = enter_password(client)

    assertRedirects(response, f"{reverse('accounts:verify')}?next={admin_index()}")
    assert "_auth_user_id" not in client.session
    assert client.get(admin_index()).status_code == 302


def test_wrong_password_is_refused(client, app):
    response = enter_password(client, password="not-the-password")

    assert response.status_code == 200
    assertContains(response, "Please enter a correct username and password")
    assert PENDING_KEY not in client.session


def test_a_new_attempt_ends_an_earlier_one(client, app):
    enter_password(client)
    enter_password(client, password="not-the-password")

    assert PENDING_KEY not in client.session
    assert enter_code(client, code_for(app.bin_key))["Location"].startswith(
        reverse("accounts:login")
    )


def test_a_right_password_for_someone_not_staff_is_refused_like_a_wrong_one(
    client, django_user_model
):
    django_user_model.objects.create_user("parent", password=PASSWORD)

    response = enter_password(client, "parent")

    assertContains(response, "Please enter a correct username and password")
    assert PENDING_KEY not in client.session


def test_staff_without_an_app_are_sent_to_set_one_up(client, staff):
    response = enter_password(client)

    assertRedirects(response, f"{reverse('accounts:enrol')}?next={admin_index()}")


# The code step


def test_app_code_logs_in_and_opens_the_admin(client, app):
    response = log_in(client, app)

    assertRedirects(response, admin_index())
    assert client.get(admin_index()).status_code == 200


def test_wrong_code_is_refused(client, app):
    enter_password(client)

    response = enter_code(client, "000000" if code_for(app.bin_key) != "000000" else "111111")

    assert response.status_code == 200
    assertContains(response, "That code did not work")
    assert client.get(admin_index()).status_code == 302


def test_a_code_cannot_be_used_twice(client, app):
    code = code_for(app.bin_key)
    enter_password(client)
    enter_code(client, code)
    client.post(reverse("admin:logout"))

    enter_password(client)
    response = enter_code(client, code)

    assert response.status_code == 200
    assert client.get(admin_index()).status_code == 302


def test_a_backup_code_works_once_and_not_twice(client, app, settings):
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    code = devices.replace_backup_codes(app.user)[0]

    enter_password(client)
    # Typed as shown on the page: in two groups, in capitals.
    response = enter_code(client, f"{code[:4]} {code[4:]}".upper())
    assertRedirects(response, admin_index())
    client.post(reverse("admin:logout"))

    enter_password(client)
    response = enter_code(client, code)
    assertContains(response, "That code did not work")
    assert devices.backup_codes_left(app.user) == 9


def test_admin_refuses_a_password_only_session_and_asks_for_the_code(client, app):
    client.force_login(app.user)

    response = client.get(admin_index(), follow=True)

    assert unquote(response.redirect_chain[-1][0]) == f"{reverse('accounts:verify')}?next=/admin/"
    assertContains(response, "Step 2 of 2")
    assert client.get(admin_index()).status_code == 302


def test_a_password_only_session_can_finish_with_a_code(client, app):
    client.force_login(app.user)

    response = enter_code(client, code_for(app.bin_key))

    assertRedirects(response, admin_index())
    assert client.get(admin_index()).status_code == 200


def test_the_code_step_without_the_password_step_goes_back_to_the_password(client, app):
    response = enter_code(client, code_for(app.bin_key))

    assertRedirects(response, f"{reverse('accounts:login')}?next={admin_index()}")


def test_a_pending_login_goes_stale(client, app):
    enter_password(client)
    session = client.session
    session[PENDING_KEY] = {**session[PENDING_KEY], "since": time.time() - 3600}
    session.save()

    response = enter_code(client, code_for(app.bin_key))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_pending_login_ends_when_the_password_changes(client, app):
    enter_password(client)
    app.user.set_password("a-brand-new-password-7")
    app.user.save()

    response = enter_code(client, code_for(app.bin_key))

    assert response["Location"].startswith(reverse("accounts:login"))


def test_next_is_followed_after_both_steps(client, app):
    target = reverse("admin:password_change")
    enter_password(client, next_to=target)

    response = client.post(
        f"{reverse('accounts:verify')}?next={target}", {"code": code_for(app.bin_key)}
    )

    assertRedirects(response, target)


def test_next_to_another_site_is_ignored(client, app):
    enter_password(client, next_to="https://evil.example/")

    response = client.post(
        f"{reverse('accounts:verify')}?next=https://evil.example/", {"code": code_for(app.bin_key)}
    )

    assertRedirects(response, admin_index())


def test_logging_out_ends_the_verified_session(client, app):
    log_in(client, app)

    client.post(reverse("admin:logout"))

    assert client.get(admin_index()).status_code == 302


# Lock-out (django-axes): AXES_FAILURE_LIMIT = 5 by default


def fail_password(client, times, username="editor", **extra):
    return [enter_password(client, username, "wrong-password", **extra) for _ in range(times)]


def test_fifth_wrong_password_locks_and_then_even_the_right_one_is_refused(client, app, settings):
    assert settings.AXES_FAILURE_LIMIT == 5

    responses = fail_password(client, 5)

    assert [r.status_code for r in responses] == [200, 200, 200, 200, 429]
    assertContains(responses[-1], "Logging in is paused", status_code=429)
    assertContains(responses[-1], "15 minutes", status_code=429)

    right = enter_password(client)
    assert right.status_code == 429
    assert PENDING_KEY not in client.session


def test_the_lock_out_page_is_the_same_whether_or_not_the_account_exists(client, app):
    for_real_account = fail_password(client, 5, "editor")[-1]
    for_no_account = fail_password(client, 5, "nobody-by-this-name")[-1]

    assert for_real_account.status_code == for_no_account.status_code == 429
    assert for_real_account.content == for_no_account.content
    assert b"editor" not in for_real_account.content


def test_login_works_again_after_the_cool_off(client, app, settings):
    fail_password(client, 5)
    assert enter_password(client).status_code == 429

    # Let the cool-off pass: move the failures back in time.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - settings.AXES_COOLOFF_TIME
        - settings.AXES_COOLOFF_TIME
    )

    assertRedirects(enter_password(client), f"{reverse('accounts:verify')}?next={admin_index()}")


def test_the_lock_is_for_one_username_from_one_address(client, app):
    fail_password(client, 5, REMOTE_ADDR="203.0.113.1")

    # Someone guessing from elsewhere cannot lock a colleague out.
    assert enter_password(client, REMOTE_ADDR="203.0.113.2").status_code == 302
    assert enter_password(client, REMOTE_ADDR="203.0.113.1").status_code == 429


def test_x_forwarded_for_is_ignored_unless_behind_a_proxy(client, app):
    fail_password(client, 5, REMOTE_ADDR="203.0.113.1", HTTP_X_FORWARDED_FOR="198.51.100.9")

    # A forged header does not give a locked-out guesser a new address.
    response = enter_password(
        client, REMOTE_ADDR="203.0.113.1", HTTP_X_FORWARDED_FOR="198.51.100.10"
    )
    assert response.status_code == 429


def test_wrong_codes_count_towards_the_lock_out(client, app, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    right = code_for(app.bin_key)
    wrong = "000000" if right != "000000" else "111111"
    enter_password(client)

    responses = [enter_code(client, wrong) for _ in range(5)]

    assert [r.status_code for r in responses] == [200, 200, 200, 200, 429]
    assert enter_code(client, right).status_code == 429
    assert client.get(reverse("accounts:verify")).status_code == 429
    assert client.get(admin_index()).status_code == 302


def test_a_successful_login_clears_earlier_failures(client, app):
    fail_password(client, 4)

    log_in(client, app)

    assert not AccessAttempt.objects.exists()


# The security log


def test_failed_and_successful_logins_are_logged_without_passwords_or_codes(
    client, app, caplog, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    code = code_for(app.bin_key)
    with caplog.at_level(logging.INFO, logger="littlevoices.security"):
        enter_password(client, password="my-secret-typo-123")
        enter_password(client)
        enter_code(client, "999999" if code != "999999" else "888888")
        enter_code(client, code)

    records = [r for r in caplog.records if r.name == "littlevoices.security"]
    events = [(r.event, getattr(r, "stage", None)) for r in records]
    assert events == [
        ("login_failed", "password"),
        ("password_accepted", None),
        ("login_failed", "code"),
        ("login", None),
    ]
    assert all(r.username == "editor" for r in records)
    assert records[0].ip == "127.0.0.1"
    logged = caplog.text + " ".join(str(vars(r)) for r in records)
    for secret in ("my-secret-typo-123", PASSWORD, code):
        assert secret not in logged


def test_lock_outs_are_logged(client, app, caplog):
    with caplog.at_level(logging.WARNING, logger="littlevoices.security"):
        fail_password(client, 5)

    assert any(getattr(r, "event", None) == "locked_out" for r in caplog.records)
