import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "correct-horse-battery-42"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)


@pytest.fixture
def app(staff):
    """The staff member's authenticator app, already set up."""
    return TOTPDevice.objects.create(user=staff, name="Authenticator app", confirmed=True)


def code_for(key, seconds_from_now=0):
    """The code an authenticator app with secret ``key`` (bytes) shows, now or a step later."""
    totp = TOTP(key)
    totp.time = time.time() + seconds_from_now
    return f"{totp.token():06d}"


def enter_password(client, username="editor", password=PASSWORD, next_to=None, **extra):
    url = reverse("accounts:login")
    if next_to:
        url += f"?next={next_to}"
    return client.post(url, {"username": username, "password": password}, **extra)


def enter_code(client, code, **extra):
    return client.post(reverse("accounts:verify"), {"code": code}, **extra)


def log_in(client, device, seconds_from_now=0):
    """Both steps with the app's current code; returns the response to the code."""
    enter_password(client, device.user.get_username())
    return enter_code(client, code_for(device.bin_key, seconds_from_now))
