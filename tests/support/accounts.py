"""Signing in as staff through the two-step login: the password, then the authenticator's code."""

import time

from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "correct-horse-battery-42"


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


def verified_client(user):
    """A test client signed in as ``user`` with both factors, as the admin requires."""
    client = Client()
    device = TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
