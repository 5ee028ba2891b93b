"""Security log lines for staff logins: who, from where, what happened; never a password or code."""

import logging

logger = logging.getLogger("littlevoices.security")

# What a failed attempt was, as given in ``credentials["stage"]`` by accounts.views.
STAGES = {
    "password": "wrong username or password",
    "code": "wrong two-factor code",
    "enrolment": "wrong code while setting up an authenticator app",
}


def client_address(request):
    # django-axes works out the address (trusting X-Forwarded-For only behind our own proxy).
    if request is None:
        return ""
    return getattr(request, "axes_ip_address", None) or request.META.get("REMOTE_ADDR", "")


def log_failed_login(sender, credentials, request=None, **kwargs):
    """Receiver for ``user_login_failed``: Django has already masked the password."""
    stage = credentials.get("stage", "password")
    username = str(credentials.get("username", ""))[:150]
    logger.warning(
        "Staff login failed: %s (username %r)",
        STAGES.get(stage, stage),
        username,
        extra={
            "event": "login_failed",
            "stage": stage,
            "username": username,
            "ip": client_address(request),
        },
    )


def log_lockout(sender, request, username, ip_address, **kwargs):
    """Receiver for django-axes' ``user_locked_out``."""
    logger.warning(
        "Staff login locked out after repeated failures (username %r)",
        username,
        extra={"event": "locked_out", "username": str(username)[:150], "ip": ip_address or ""},
    )


def log_login(request, user, method):
    logger.info(
        "Staff login succeeded: %s (%s)",
        user.get_username(),
        method,
        extra={
            "event": "login",
            "method": method,
            "username": user.get_username(),
            "ip": client_address(request),
        },
    )


def log_access_change(request, user, fields):
    """Who changed whose staff, superuser, group or permission settings, and which."""
    logger.warning(
        "Staff access changed for %s by %s: %s",
        user.get_username(),
        request.user.get_username(),
        ", ".join(fields),
        extra={
            "event": "access_changed",
            "username": user.get_username(),
            "changed_by": request.user.get_username(),
            "fields": list(fields),
            "ip": client_address(request),
        },
    )
