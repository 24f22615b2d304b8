"""Settings shared by every environment (uploads.py and security.py are imported into it).

Secure by default: DEBUG is off and nothing secret has a usable default here. Every value
that differs between machines comes from an environment variable, documented in README.md.
"""

import os
from pathlib import Path

import dj_database_url
import dj_email_url
import environ
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "operations",
    "demo",
    "caching",
    "home",
    "resources",
    "events",
    "audits",
    "notifications",
    "wagtail.contrib.routable_page",
    "uploads",
    "accounts",
    "backups",
    "background",
    # The task queue production uses (manage.py db_worker); installed everywhere so the schema
    # is the same in every environment.
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
    "csp",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "indexing",  # after wagtail.search: see indexing.apps
    "search",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Outermost: one log line per request, cache hits and probes included (operations/).
    "operations.middleware.RequestLogMiddleware",
    # /health/live and /health/ready, before the page cache, the HTTPS redirect and host checks.
    "operations.middleware.HealthCheckMiddleware",
    # A cached anonymous page is answered before any other middleware but the two above (caching/).
    "caching.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.headers.ExchangeCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.SessionLimitsMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.visibility.RequestMemoMiddleware",
    # An admin URL naming another publisher's draft answers 404 (resources.admin_visibility).
    "resources.admin_visibility.AdminHiddenPageMiddleware",
    "uploads.middleware.StorageFailureMiddleware",
    # A write that could not get SQLite's lock in time: a 503 "try again" page, not a 500.
    "core.database_busy.DatabaseBusyMiddleware",
    # Turns django-ratelimit's Ratelimited into a 429 page (core.ratelimit).
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Last, as django-axes asks: it turns a lockout into its own response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "exchange.urls"
WSGI_APPLICATION = "exchange.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "core.context_processors.service_navigation",
            ],
        },
    },
]

# SQLite by default so `make run` needs nothing but Python; PostgreSQL through
# DATABASE_URL (postgres://user:pass@host:port/name) for production and CI.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server read while a management command writes. IMMEDIATE transactions
    # take the write lock when they begin, so concurrent writers (twenty people booking at
    # once) queue on the busy timeout instead of failing at once with "database is locked"
    # when a read lock cannot be upgraded (Django 5.1+).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL;",
        transaction_mode="IMMEDIATE",
        timeout=int(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    # FileSystemStorage that removes a partly written file when the disk is full or failing.
    "default": {"BACKEND": "uploads.storage.CleanFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The page editor's StreamFields post many fields at once.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# LOG_FORMAT=json writes each record as one JSON object (operations.logformat) for a log shipper.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        # No time: journald (or the container runtime) stamps each line itself.
        "text": {"format": "%(levelname)s %(name)s %(message)s"},
        "json": {"()": "operations.logformat.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # A line per background task drowns what matters; failures are still logged.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}

# Wagtail
WAGTAIL_SITE_NAME = "London Practice Exchange"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Editors never lose work: the editor saves a draft revision as they type (Wagtail's default,
# stated so nobody turns it off by accident; tests/browser/test_admin_autosave.py proves it).
WAGTAIL_AUTOSAVE_INTERVAL = 500
# No avatars from gravatar.com: it would tell a third party which council staff use the admin
# (an email hash per page view), and the admin's CSP blocks it anyway.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Search: Wagtail's database backend (SQLite FTS5 / PostgreSQL full text) is the embedded
# default. With SEARCH_URL, Elasticsearch answers and the database backend stays indexed
# too, so search.services can fall back to it when the engine is down.
SEARCH_URL = os.environ.get("SEARCH_URL", "")
DATABASE_SEARCH_BACKEND = {"BACKEND": "search.backends.database"}
WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": os.environ.get("SEARCH_BACKEND", "search.backends.elasticsearch"),
            "URLS": [SEARCH_URL],
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "practice-exchange-"),
            # A slow engine must not hold a practitioner up: give up quickly and let
            # search.services answer from the database backend instead.
            "TIMEOUT": int(os.environ.get("SEARCH_TIMEOUT", "2")),
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
            "ATOMIC_REBUILD": True,
            # English stemming and stop words for every text field without its own analyzer.
            "INDEX_SETTINGS": {
                "settings": {"analysis": {"analyzer": {"default": {"type": "english"}}}},
            },
        },
        "database": DATABASE_SEARCH_BACKEND,
    }

# Documents, images and upload checks (formats, sizes, zip limits, virus scanning).
# Sign-in, sessions, security headers, passwords, passkeys and rate limits.
from .security import *  # noqa: E402, F403
from .uploads import *  # noqa: E402, F403

# Outgoing mail from one URL (smtp://user:pass@host:587/?tls=True, smtps://…, console:);
# empty prints mail to the console. Mail is sent by notifications' background task.
EMAIL_URL = os.environ.get("EMAIL_URL", "")
_email = dj_email_url.parse(EMAIL_URL or "console:")
# Everything Django and Wagtail send goes through the outbox (notifications.backends), which
# delivers over EMAIL_URL's backend and retries when the mail server is down.
EMAIL_BACKEND = "notifications.backends.OutboxBackend"
OUTBOX_EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"] or "localhost"
EMAIL_PORT = _email["EMAIL_PORT"] or 25
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
# A stuck mail server must not hold a worker for long; the outbox retries later.
EMAIL_TIMEOUT = _email["EMAIL_TIMEOUT"] or int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@practice-exchange.example")

# Development and tests run tasks at once, in the request; production queues them in the
# database for `manage.py db_worker` (exchange.settings.production).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Sent emails' bodies hold one-time booking and set-password links: cleared after this many days
# (`clear_email_bodies`); the row (to, subject, status) stays for the outbox's history.
EMAIL_BODY_RETENTION_DAYS = int(os.environ.get("EMAIL_BODY_RETENTION_DAYS", "14"))
# /health/ready (operations/): each dependency must answer within HEALTH_CHECK_TIMEOUT seconds,
# and a queue worker must have run the heartbeat task within WORKER_HEARTBEAT_MAX_AGE seconds.
HEALTH_CHECK_TIMEOUT = float(os.environ.get("HEALTH_CHECK_TIMEOUT", "2"))
WORKER_HEARTBEAT_MAX_AGE = int(os.environ.get("WORKER_HEARTBEAT_MAX_AGE", "300"))

RESOURCES_PER_PAGE = 20
EVENTS_PER_PAGE = 20

# The cache: Redis when CACHE_URL is set (redis://host:6379/0, rediss:// for TLS), parsed by
# django-environ into Django's own RedisCache backend; this process's memory otherwise.
CACHE_URL = os.environ.get("CACHE_URL", "")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if CACHE_URL:
    CACHES["default"] = environ.Env.cache_url_config(CACHE_URL)
    # A Redis that stops answering must slow pages down, not hang every worker (caching/ then
    # serves uncached).
    CACHES["default"].setdefault("OPTIONS", {}).update({"socket_connect_timeout": 1, "socket_timeout": 1})
# Anonymous full-page cache lifetime in seconds (caching/); 0 turns it off. On by default only
# with CACHE_URL: a purge must reach every worker and every management command's process.
CACHE_SECONDS = int(os.environ.get("CACHE_SECONDS", "600" if CACHE_URL else "0"))
# Search answers (ranking, facet counts) kept for repeated searches (search/answers.py); 0 turns
# it off. Same rule as the page cache: only with a cache every process shares.
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", str(CACHE_SECONDS)))


def require(name: str) -> str:
    """Read a required variable, failing fast with a clear message when it is missing."""
    value = os.environ.get(name, "")
    if not value:
        raise ImproperlyConfigured(f"The {name} environment variable is required in production.")
    return value


# "S47" and "s47" are one topic: never let case create a second tag.
TAGGIT_CASE_INSENSITIVE = True
# Tag slugs appear in URLs (/tags/<slug>/): keep them ASCII so every tag page can be linked.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True
