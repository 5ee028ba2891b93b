"""
Two-factor devices (django-otp): one authenticator app (TOTP) per person, plus a set of
single-use backup codes for the day the phone is lost.
"""

import time
from base64 import b32encode

import segno
from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

BACKUP_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"


def normalise(code):
    """People type codes with spaces, dashes or capitals; none of them matter."""
    return "".join(code.split()).replace("-", "").lower()


def has_device(user):
    return user_has_device(user, confirmed=True)


def verify_code(user, code):
    """
    The device that accepts ``code``: a 6-digit code from the app, or a backup code (which is
    used up). None if none does. Devices slow down after wrong codes (django-otp throttling).
    """
    code = normalise(code)
    if not code:
        return None
    # App codes are all digits; backup codes never are. Trying only the right kind keeps a
    # mistyped app code from slowing down the backup codes, and the other way round.
    model = TOTPDevice if code.isdigit() else StaticDevice
    with transaction.atomic():
        for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
            if device.verify_token(code):
                return device
    return None


def new_app_key():
    """A new random secret for an authenticator app, as django-otp stores it (hex)."""
    return default_key()


def app_device(user, key):
    """An unsaved authenticator-app device: what the QR code describes, until it is confirmed."""
    return TOTPDevice(user=user, name=APP_DEVICE_NAME, key=key, confirmed=True)


def qr_code_data_uri(device):
    """The QR code for the authenticator app, as a ``data:`` URI for an ``<img>``."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, dark="#000", light="#fff")


def readable_key(device):
    """The secret for typing in by hand, in groups of four: ``ABCD EFGH ...``."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def confirm_app(user, key, code):
    """
    Save the authenticator app described by ``key`` if ``code`` is the one it shows now (or one
    step either side, for a slow thumb or a clock a little out). Returns the device, or None.
    Only for someone with no device yet: nobody can add a second app behind a colleague's back.
    """
    device = app_device(user, key)
    code = normalise(code)
    if not code.isdigit():
        return None
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if not totp.verify(int(code), device.tolerance):
        return None
    with transaction.atomic():
        # Two confirmations racing each other must not both save a device.
        list(get_user_model()._default_manager.select_for_update().filter(pk=user.pk))
        if has_device(user):
            return None
        TOTPDevice.objects.filter(user=user).delete()
        device.last_t = totp.t()  # the code just used cannot be used again to log in
        device.drift = totp.drift
        device.save()
    return device


def replace_backup_codes(user):
    """Throw away the person's backup codes and make a new set. Returns the new codes."""
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def all_devices(user):
    """Every two-factor device the person has, confirmed or not."""
    return list(devices_for_user(user, confirmed=None))


def remove_devices(user):
    """Remove every two-factor device; the person sets up a new app at their next login."""
    removed = all_devices(user)
    with transaction.atomic():
        for device in removed:
            device.delete()
    return removed
