"""
Settings for Little Voices, read from the environment.

Every setting a deployment may change is a ``DJANGO_*`` environment variable (or
``DATABASE_URL``); docs/configuration.md lists them. The defaults run the site locally on SQLite
with no configuration; a production deployment that forgets the secret key refuses to start.
"""

import os
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DJANGO_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string in production "
            "(for example the output of: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'). "
            "`make run` creates one for you in var/secret_key."
        )
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Django's admin, with a site that also asks staff for a second factor (accounts/sites.py).
    "accounts.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "crispy_forms",
    "django_otp",
    "accounts.apps.AuthenticatorAppsConfig",  # django_otp.plugins.otp_totp
    "accounts.apps.BackupCodesConfig",  # django_otp.plugins.otp_static
    "accounts.apps.LoginAttemptsConfig",  # axes
    "accounts.apps.AccountsConfig",
    "simple_history",
    "django_prose_editor",  # the rich-text editor's static files (editorial/widgets.py)
    # Our apps, from the bottom layer up (docs/architecture.md).
    "core",
    "editorial",
    "guidance",
    "tips",
    "search",
    "sharing",
    "feedback",
    "starter",
    "operations",
    "bench",
    "website",
]

MIDDLEWARE = [
    "config.middleware.HealthCheckMiddleware",
    "config.middleware.RequestLogMiddleware",
    # Serves stored public pages before the rest of the stack runs: each copy keeps the headers
    # the whole stack gave it, security headers included (website/middleware.py).
    "website.middleware.PublicPageCacheMiddleware",
    # The security headers go on every response, so their middleware wraps everything that
    # answers by itself: the redirect to HTTPS, static files, recorded redirects.
    # (/healthz and cached pages, above, have them already.)
    "config.middleware.PermissionsPolicyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, CSRF and password hashing: a flood of login POSTs is refused cheaply.
    "accounts.ratelimit.PostRateLimitMiddleware",
    "config.middleware.ConditionalGetMiddleware",  # Django's, with a quicker ETag
    "website.middleware.RedirectFallbackMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Lets every saved revision record which member of staff made it (editorial history).
    "simple_history.middleware.HistoryRequestMiddleware",
    # Django's MessageMiddleware, its storage made only when used (config/middleware.py).
    "config.middleware.LazyMessageMiddleware",
    # Last, so that it turns any lock-out flagged during the request into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "website.context_processors.site",
                "search.context_processors.header_search",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers share one SQLite file: WAL lets readers and a writer
    # work at once, and the busy timeout makes a writer wait instead of failing. Each worker
    # keeps its connection like PostgreSQL's (DJANGO_CONN_MAX_AGE): opening one took about 1 ms,
    # more than rendering a page; a local file needs no health check.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff accounts (docs/staff-accounts-and-security.md). The admin and the staff login
# pages live under ADMIN_PATH; find them with reverse("admin:index"), never a hard-coded path.
ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip().strip("/") + "/"
if ADMIN_PATH == "/" or not all(
    part and all(char.isalnum() or char in "-_." for char in part)
    for part in ADMIN_PATH[:-1].split("/")
):
    raise ImproperlyConfigured(
        "DJANGO_ADMIN_PATH must be a URL path such as 'admin/' or 'staff-7f3k/': "
        "letters, digits, '-', '_' and '.', in one or more parts separated by '/'."
    )
LOGIN_URL = "accounts:login"
# django-axes first: it refuses a locked-out username and address before a password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock-out after repeated failures, counted per username *and* address together, so that nobody
# can lock a colleague out from elsewhere. Wrong two-factor codes count too (accounts/views.py).
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
# Masked in what django-axes stores and logs: the password (always), usernames and addresses
# (its defaults), two-factor codes and CSRF tokens.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code", "csrfmiddlewaretoken"]
# At most this many login-step POSTs (and POSTs from anyone not signed in) per address per
# window, counted in the shared cache; more are answered 429 before any password is hashed.
LOGIN_RATE_LIMIT = max(int(os.environ.get("DJANGO_LOGIN_RATE_LIMIT", "10")), 0)
LOGIN_RATE_WINDOW = max(int(os.environ.get("DJANGO_LOGIN_RATE_WINDOW_SECONDS", "60")), 1)
# Two-factor login: an authenticator app (TOTP) plus single-use backup codes; the name shown
# in the app is OTP_TOTP_ISSUER, set from SITE_NAME below.
# Nobody, not even a superuser, can read another person's secret key or backup codes in the admin.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
# Uploads in an S3-compatible bucket (django-storages), shared by every app server, when
# DJANGO_S3_BUCKET is set: docs/scaling.md. Static files stay with whitenoise either way.
S3_BUCKET = os.environ.get("DJANGO_S3_BUCKET", "")
# The app serves uploaded pictures itself unless told a proxy does: docs/deploying.md. With S3
# the proxy passes /media/images/ to the bucket (deploy/), as the app reads only MEDIA_ROOT.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", True) and not S3_BUCKET
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "config.storage.ProxiedS3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            # Empty: Amazon S3 itself; otherwise any S3-compatible service (MinIO, Ceph...).
            "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("DJANGO_S3_REGION") or None,
            # Empty keys leave boto3 to find credentials itself (AWS_* variables, an instance role).
            "access_key": os.environ.get("DJANGO_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("DJANGO_S3_SECRET_ACCESS_KEY") or None,
            # Like files on disk: a name already taken gets a new one rather than being replaced.
            "file_overwrite": False,
            "querystring_auth": False,
        },
    }
# Hashed static names never change content, so browsers may keep them for a year.
WHITENOISE_MAX_AGE = 31536000

# Our own template pack (templates/littlevoices/, docs/forms.md): the site's markup, no Bootstrap.
CRISPY_ALLOWED_TEMPLATE_PACKS = ("littlevoices",)
CRISPY_TEMPLATE_PACK = "littlevoices"

# Caching. Redis when REDIS_URL is set (shared by every app server); otherwise a file cache,
# which all gunicorn workers on one machine share. Page-cache invalidation relies on sharing.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": VAR_DIR / "cache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# The server-side page cache for anonymous readers (website/pagecache.py, core/contentversion.py).
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", True)
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "600"))
# What browsers and CDNs are told: keep a public page this long, then revalidate.
PAGE_MAX_AGE = int(os.environ.get("DJANGO_PAGE_MAX_AGE", "120"))
PAGE_STALE_WHILE_REVALIDATE = int(os.environ.get("DJANGO_PAGE_STALE_WHILE_REVALIDATE", "60"))

# Every response carries a strict policy: our own files only, no inline script or style.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# HTTPS only, unless DEBUG is on or DJANGO_SECURE=0 says otherwise (`make run` and the tests
# serve plain http on this machine). A production site that forgets a setting stays secure.
if env_bool("DJANGO_SECURE", not DEBUG):
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
# Headers a client could forge are trusted only when a proxy we run is known to set them.
if env_bool("DJANGO_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Each proxy appends the address it was reached from to X-Forwarded-For; whatever is further
    # left came from the client and may be forged. So the client is the entry DJANGO_PROXY_COUNT
    # places from the right (1: one proxy, e.g. nginx; 2: a CDN in front of it).
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    AXES_IPWARE_PROXY_ORDER = "left-most"
    AXES_IPWARE_PROXY_COUNT = max(int(os.environ.get("DJANGO_PROXY_COUNT", "1")), 1) - 1
    # More entries than proxies is normal (the client may send its own header): not an error.
    IPWARE_STRICT = False
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)

LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "INFO").upper()
# JSON lines on standard output suit container platforms; "plain" is easier to read locally.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "core.logging.JSONFormatter"},
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain" if LOG_FORMAT == "plain" else "json",
            "filters": ["request_id"],
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own handlers would print request errors a second time.
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        "django.db.backends": {"level": "INFO"},
        # Scanners send bad Host headers all day; they get a 400, not a traceback in the logs.
        "django.security.DisallowedHost": {"level": "CRITICAL"},
        # django-axes announces itself at every start, which would mix into commands' output.
        "axes.apps": {"level": "WARNING"},
    },
}

# How long until clinically reviewed content is due for review again. The PIF TICK asks for a
# review at least every three years, so a longer interval is refused.
REVIEW_INTERVAL_MONTHS = int(os.environ.get("DJANGO_REVIEW_INTERVAL_MONTHS", "12"))
if not 1 <= REVIEW_INTERVAL_MONTHS <= 36:
    raise ImproperlyConfigured(
        "DJANGO_REVIEW_INTERVAL_MONTHS must be between 1 and 36: health information should be "
        "reviewed at least every three years."
    )
# With this on, an article or tip page is published only once someone who may record a clinical
# review has approved that very version in the review workflow (editorial/workflow.py).
REQUIRE_CLINICAL_APPROVAL = env_bool("DJANGO_REQUIRE_CLINICAL_APPROVAL", False)
# Plain English (core/readability.py): the admin warns when a page's reading age is above
# this. docs/writing-guide.md asks for a reading age of about 9 to 11.
READING_AGE_TARGET = Decimal(os.environ.get("DJANGO_READING_AGE_TARGET", "11"))
# The site's public address, for links in e-mails (there is no request to take it from).
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://localhost:8000").rstrip("/")

# E-mail (review reminders), with Django's mailers. SMTP to DJANGO_EMAIL_HOST when it is set.
# Without it: printed to standard output under DJANGO_DEBUG, otherwise handed to a mail server
# on this machine (localhost:25), and `send_review_reminders` warns that none was configured.
email_host = os.environ.get("DJANGO_EMAIL_HOST", "")
EMAIL_HOST_CONFIGURED = bool(email_host)
if email_host:
    email_use_ssl = env_bool("DJANGO_EMAIL_USE_SSL")
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": email_host,
                "port": int(os.environ.get("DJANGO_EMAIL_PORT", "465" if email_use_ssl else "587")),
                "username": os.environ.get("DJANGO_EMAIL_HOST_USER", ""),
                "password": os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", ""),
                "use_tls": not email_use_ssl and env_bool("DJANGO_EMAIL_USE_TLS", True),
                "use_ssl": email_use_ssl,
                "timeout": 30,
            },
        }
    }
elif DEBUG:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "localhost", "port": 25, "timeout": 30},
        }
    }
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

BENCH_TRIVIAL_VIEW = env_bool("DJANGO_BENCH_TRIVIAL_VIEW")

# "Was this page helpful?" comments are deleted this many days after they were left
# (manage.py prune_feedback, daily); the yes/no answers are kept to count (docs/feedback.md).
FEEDBACK_RETENTION_DAYS = max(int(os.environ.get("DJANGO_FEEDBACK_RETENTION_DAYS", "365")), 1)

# Image uploads (core/uploads.py): refused above these limits.
IMAGE_UPLOAD_MAX_BYTES = int(os.environ.get("DJANGO_IMAGE_UPLOAD_MAX_BYTES", 5_000_000))
IMAGE_UPLOAD_MAX_PIXELS = int(os.environ.get("DJANGO_IMAGE_UPLOAD_MAX_PIXELS", 25_000_000))
# restore_site refuses an archive with a picture, a data file or a total over these (bytes), so a
# damaged or hostile archive cannot fill the disk (everything is unpacked before it is checked).
BACKUP_MAX_FILE_BYTES = int(os.environ.get("DJANGO_BACKUP_MAX_FILE_BYTES", 20_000_000))
BACKUP_MAX_DATA_BYTES = int(os.environ.get("DJANGO_BACKUP_MAX_DATA_BYTES", 200_000_000))
BACKUP_MAX_TOTAL_BYTES = int(os.environ.get("DJANGO_BACKUP_MAX_TOTAL_BYTES", 5_000_000_000))
# Tests only: lets check_resource_links reach the test server on this machine. The checker
# otherwise refuses private and local addresses, so a resource cannot probe the inside network.
LINKCHECK_ALLOW_PRIVATE = False

# Site identity shown in templates and feeds; a charity sets its own name.
SITE_NAME = os.environ.get("DJANGO_SITE_NAME", "Little Voices")
OTP_TOTP_ISSUER = SITE_NAME
