"""
Staff login in two steps, first-time set-up of an authenticator app, backup codes, and the
lock-out page.

1. ``login``: username and password. Passing it does not log anyone in: the session only
   remembers, for a few minutes, who passed (``PENDING_KEY``).
2. ``verify``: a code from the authenticator app, or a backup code; then Django's login
   happens, with the device recorded in the session, and the admin lets the person in.
   Someone with no device yet goes to ``enrol`` instead, which sets up the app first.

Wrong codes count as failed logins for django-axes, just like wrong passwords.
"""

import time

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import BACKEND_SESSION_KEY, REDIRECT_FIELD_NAME, get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.crypto import constant_time_compare
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from . import devices
from .forms import EnrolForm, ReplaceBackupCodesForm, StaffAuthenticationForm, VerifyForm
from .securitylog import log_login, logger

PENDING_KEY = "accounts_pending_login"
ENROL_KEY = "accounts_enrol_key"
NEW_CODES_KEY = "accounts_new_backup_codes"
# Long enough to install an authenticator app on a phone; short enough to go stale.
PENDING_SECONDS = 15 * 60


def staff_context(request, **context):
    """The admin's own context (site name, colour theme...), so staff pages look like the admin."""
    return {**admin.site.each_context(request), **context}


def next_url(request):
    """Where to go after logging in: ``next`` if it is on this site, else the admin index."""
    candidate = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("admin:index")


def url_with_next(name, next_to):
    return f"{reverse(name)}?{urlencode({REDIRECT_FIELD_NAME: next_to})}"


def is_verified_staff(user):
    return user.is_authenticated and user.is_active and user.is_staff and user.is_verified()


def start_pending(request, user):
    """Remember that ``user`` gave the right password; nobody is logged in yet."""
    if request.user.is_authenticated:
        auth_logout(request)
    request.session.cycle_key()
    request.session[PENDING_KEY] = {
        "user": user._meta.pk.value_to_string(user),
        "backend": user.backend,
        # A password changed in the meantime ends the pending login.
        "hash": user.get_session_auth_hash(),
        "since": time.time(),
    }


def pending_user(request, *, fresh_password=False):
    """
    ``(user, backend)`` for the staff member who passed the password step in this session and
    still owes a code; None if there is none. A session that is logged in without a second
    factor (one from before two-factor login, or a test's force_login) owes a code too, unless
    ``fresh_password``: setting up an app needs the password typed in the last few minutes, so
    that an old session (say, on a lost laptop, after reset_staff_2fa) cannot set up a new app.
    """
    User = get_user_model()
    if request.user.is_authenticated and not fresh_password:
        if request.user.is_verified() or not (request.user.is_active and request.user.is_staff):
            return None
        user = User._default_manager.get(pk=request.user.pk)
        return user, request.session[BACKEND_SESSION_KEY]
    state = request.session.get(PENDING_KEY)
    if not state or time.time() - state["since"] > PENDING_SECONDS:
        return None
    user = User._default_manager.filter(pk=state["user"], is_active=True, is_staff=True).first()
    if user is None or not constant_time_compare(user.get_session_auth_hash(), state["hash"]):
        return None
    return user, state["backend"]


def complete_login(request, user, backend, device, method):
    """Both factors given: log in with the device recorded, so the admin opens."""
    # django_otp stores ``otp_device`` in the session when Django's login signal fires;
    # django-axes clears this person's failed attempts on the same signal.
    user.otp_device = device
    auth_login(request, user, backend=backend)
    request.session.pop(PENDING_KEY, None)
    request.session.pop(ENROL_KEY, None)
    log_login(request, user, method)


def code_failed(request, user, stage):
    """A wrong code counts towards the lock-out exactly like a wrong password."""
    user_login_failed.send(
        sender=__name__,
        credentials={"username": user.get_username(), "stage": stage},
        request=request,
    )


def is_locked_out(request, user):
    return not AxesProxyHandler.is_allowed(request, {"username": user.get_username()})


@sensitive_post_parameters()
@csrf_protect
@never_cache
def login(request):
    """
    Step one: username and password (crispy-rendered ``StaffAuthenticationForm``).
    Template ``accounts/login.html``; context ``form``, ``next``.
    """
    next_to = next_url(request)
    if is_verified_staff(request.user):
        return redirect(next_to)
    if (
        request.method != "POST"
        and request.user.is_authenticated
        and (pending := pending_user(request))
        and devices.has_device(pending[0])
    ):
        # Logged in with a password only: the admin sent them here; ask for the code.
        return redirect(url_with_next("accounts:verify", next_to))

    if request.method == "POST":
        # A new attempt, right or wrong, ends any earlier one in this browser.
        request.session.pop(PENDING_KEY, None)
    form = StaffAuthenticationForm(request, data=request.POST if request.method == "POST" else None)
    if form.is_valid():
        user = form.get_user()
        start_pending(request, user)
        logger.info(
            "Staff password accepted, waiting for the second factor: %s",
            user.get_username(),
            extra={"event": "password_accepted", "username": user.get_username()},
        )
        step = "accounts:verify" if devices.has_device(user) else "accounts:enrol"
        return redirect(url_with_next(step, next_to))
    return render(
        request,
        "accounts/login.html",
        staff_context(request, form=form, next=next_to, title=_("Log in")),
    )


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def verify(request):
    """
    Step two: a code from the authenticator app or a backup code (``VerifyForm``).
    Template ``accounts/verify.html``; context ``form``, ``next``, ``login_again_url``.
    """
    next_to = next_url(request)
    if is_verified_staff(request.user):
        return redirect(next_to)
    pending = pending_user(request)
    if pending is None:
        return redirect(url_with_next("accounts:login", next_to))
    user, backend = pending
    if not devices.has_device(user):
        return redirect(url_with_next("accounts:enrol", next_to))
    if is_locked_out(request, user):
        return locked_out(request)

    form = VerifyForm(user, data=request.POST if request.method == "POST" else None)
    if form.is_valid():
        method = "backup code" if form.device.name == devices.BACKUP_DEVICE_NAME else "app"
        complete_login(request, user, backend, form.device, method)
        return redirect(next_to)
    if form.is_bound:
        code_failed(request, user, "code")
    return render(
        request,
        "accounts/verify.html",
        staff_context(
            request,
            form=form,
            next=next_to,
            title=_("Enter your code"),
            login_again_url=url_with_next("accounts:login", next_to),
        ),
    )


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def enrol(request):
    """
    First login: set up an authenticator app from a QR code (or the key typed in), confirm it
    with a code, then show new backup codes. Only for staff with no device yet.
    Template ``accounts/enrol.html``; context ``form``, ``qr_code``, ``key``, ``account``.
    """
    next_to = next_url(request)
    if is_verified_staff(request.user):
        return redirect(next_to)
    pending = pending_user(request, fresh_password=True)
    if pending is None:
        return redirect(url_with_next("accounts:login", next_to))
    user, backend = pending
    if devices.has_device(user):
        return redirect(url_with_next("accounts:verify", next_to))
    if is_locked_out(request, user):
        return locked_out(request)

    # The secret stays in the session until it is confirmed, so the QR code is the same on every
    # reload and nothing is saved for an app that was never set up.
    owner = user._meta.pk.value_to_string(user)
    state = request.session.get(ENROL_KEY)
    if not state or state["user"] != owner:
        state = {"user": owner, "key": devices.new_app_key()}
        request.session[ENROL_KEY] = state

    form = EnrolForm(user, state["key"], data=request.POST if request.method == "POST" else None)
    if form.is_valid():
        codes = devices.replace_backup_codes(user)
        complete_login(request, user, backend, form.device, "new authenticator app")
        logger.info(
            "Authenticator app set up: %s",
            user.get_username(),
            extra={"event": "device_added", "username": user.get_username()},
        )
        request.session[NEW_CODES_KEY] = codes
        return redirect(url_with_next("accounts:backup_codes", next_to))
    if form.is_bound:
        code_failed(request, user, "enrolment")

    device = devices.app_device(user, state["key"])
    return render(
        request,
        "accounts/enrol.html",
        staff_context(
            request,
            form=form,
            next=next_to,
            title=_("Set up two-factor login"),
            qr_code=devices.qr_code_data_uri(device),
            key=devices.readable_key(device),
            account=user.get_username(),
            issuer=settings.OTP_TOTP_ISSUER,
        ),
    )


def backup_codes(request):
    """
    Backup codes: new ones are shown once (after set-up, or after making new ones here);
    otherwise how many are left and a button to replace them all. Wrapped in
    ``admin.site.admin_view`` (accounts/urls.py), so only for staff who logged in with both factors.
    Template ``accounts/backup_codes.html``; context ``codes``, ``codes_left``, ``next``,
    ``form`` (the button).
    """
    if request.method == "POST":
        request.session[NEW_CODES_KEY] = devices.replace_backup_codes(request.user)
        logger.info(
            "New backup codes made: %s",
            request.user.get_username(),
            extra={"event": "backup_codes_replaced", "username": request.user.get_username()},
        )
        return redirect(request.get_full_path())
    codes = request.session.pop(NEW_CODES_KEY, None)
    return render(
        request,
        "accounts/backup_codes.html",
        staff_context(
            request,
            codes=[f"{code[:4]} {code[4:]}" for code in codes or ()],
            codes_left=devices.backup_codes_left(request.user),
            next=next_url(request),
            form=ReplaceBackupCodesForm(),
            title=_("Backup codes"),
        ),
    )


def locked_out(request, original_response=None, credentials=None):
    """
    The lock-out page (``AXES_LOCKOUT_CALLABLE``): the same words and status whether or not the
    username exists, so it tells nobody which accounts there are.
    Template ``accounts/locked_out.html``; context ``minutes``.
    """
    minutes = max(int(settings.AXES_COOLOFF_TIME.total_seconds() // 60), 1)
    response = render(
        request,
        "accounts/locked_out.html",
        staff_context(request, minutes=minutes, title=_("Too many failed attempts")),
        status=429,
    )
    add_never_cache_headers(response)
    return response
