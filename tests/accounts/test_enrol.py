import re
from base64 import b32decode

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from accounts import devices
from tests.support.accounts import code_for, enter_code, enter_password

pytestmark = pytest.mark.django_db


def key_on_page(response):
    """The secret as the page shows it for typing in by hand."""
    text = re.search(rb"<code>([A-Z2-7 ]+)</code>", response.content).group(1).decode()
    return b32decode(text.replace(" ", ""))


def start_enrolment(client):
    enter_password(client)
    return client.get(reverse("accounts:enrol"))


def test_set_up_page_shows_a_qr_code_and_the_key_with_no_inline_script_or_style(client, staff):
    response = start_enrolment(client)

    assert response.status_code == 200
    assertContains(response, 'src="data:image/svg+xml')
    assert len(key_on_page(response)) == 20
    assert b"<script>" not in response.content
    assert b"style=" not in response.content
    assert "no-store" in response["Cache-Control"]


def test_the_qr_code_stays_the_same_on_reload(client, staff):
    first = start_enrolment(client)
    second = client.get(reverse("accounts:enrol"))

    assert key_on_page(first) == key_on_page(second)
    assert not TOTPDevice.objects.exists()


def test_confirming_with_the_apps_code_logs_in_and_shows_ten_backup_codes(client, staff):
    key = key_on_page(start_enrolment(client))

    response = client.post(reverse("accounts:enrol"), {"code": code_for(key)})

    assertRedirects(
        response,
        f"{reverse('accounts:backup_codes')}?next={reverse('admin:index')}",
        fetch_redirect_response=False,  # fetching it would use up the one showing of the codes
    )
    device = TOTPDevice.objects.get(user=staff)
    assert device.confirmed and device.bin_key == key
    page = client.get(response["Location"])
    codes = re.findall(rb"<li><code>([a-z2-7]{4} [a-z2-7]{4})</code></li>", page.content)
    assert len(codes) == 10
    assertContains(page, "shown only this once")
    assert client.get(reverse("admin:index")).status_code == 200
    # Shown once: the next visit only says how many are left.
    again = client.get(reverse("accounts:backup_codes"))
    assertNotContains(again, codes[0].decode())
    assertContains(again, "You have 10 unused backup codes")


def test_a_wrong_code_does_not_set_up_the_app(client, staff):
    key = key_on_page(start_enrolment(client))
    wrong = "000000" if code_for(key) != "000000" else "111111"

    response = client.post(reverse("accounts:enrol"), {"code": wrong})

    assert response.status_code == 200
    assertContains(response, "That code did not match")
    assert not TOTPDevice.objects.exists()
    assert not StaticDevice.objects.exists()
    assert client.get(reverse("admin:index")).status_code == 302


def test_after_set_up_the_next_login_asks_for_a_code(client, staff):
    key = key_on_page(start_enrolment(client))
    client.post(reverse("accounts:enrol"), {"code": code_for(key)})
    client.post(reverse("admin:logout"))

    response = enter_password(client)

    assert response["Location"].startswith(reverse("accounts:verify"))
    assertRedirects(enter_code(client, code_for(key, 30)), reverse("admin:index"))


def test_someone_with_an_app_cannot_set_up_another(client, app):
    enter_password(client)

    response = client.get(reverse("accounts:enrol"))

    assert response["Location"].startswith(reverse("accounts:verify"))
    other_key = bytes(20)
    client.post(reverse("accounts:enrol"), {"code": code_for(other_key)})
    assert TOTPDevice.objects.filter(user=app.user).count() == 1


def test_set_up_needs_the_password_step_first(client, staff):
    response = client.get(reverse("accounts:enrol"))

    assert response["Location"].startswith(reverse("accounts:login"))


# Backup codes page


def test_new_backup_codes_replace_the_old_ones(admin_client, admin_user, settings):
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    old = devices.replace_backup_codes(admin_user)

    response = admin_client.post(reverse("accounts:backup_codes"))
    page = admin_client.get(response["Location"])

    shown = re.findall(rb"<code>([a-z2-7]{4} [a-z2-7]{4})</code>", page.content)
    new = [code.replace(b" ", b"").decode() for code in shown]
    assert len(new) == 10
    assert not set(old) & set(new)
    assert devices.verify_code(admin_user, old[0]) is None
    assert devices.verify_code(admin_user, new[0]) is not None


def test_the_backup_codes_page_needs_both_factors(client, app):
    client.force_login(app.user)

    response = client.get(reverse("accounts:backup_codes"))

    assert response.status_code == 302
    assert client.post(reverse("accounts:backup_codes")).status_code == 302
    assert not StaticDevice.objects.exists()


def test_the_admin_links_to_the_backup_codes(admin_client):
    assertContains(admin_client.get(reverse("admin:index")), reverse("accounts:backup_codes"))
