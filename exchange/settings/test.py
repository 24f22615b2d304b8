"""Test settings: fast and isolated (no real mail, no manifest, media in a temp folder)."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The outbox delivers over EMAIL_BACKEND (what a test swaps in), not EMAIL_URL's backend.
OUTBOX_EMAIL_BACKEND = ""
# Local memory unless CACHE_URL names a Redis (.ci/run's cache stage); the page cache is off
# unless a test turns it on (tests/caching) or CACHE_SECONDS says otherwise.
if not CACHE_URL:  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHE_SECONDS = int(os.environ.get("CACHE_SECONDS", "0"))
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", str(CACHE_SECONDS)))
# The browser tests serve the site from another process, which must see the same media folder.
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="exchange-test-media-"))  # noqa: F405
# Static files come from the finders; nothing is collected for tests.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="exchange-test-static-"))  # noqa: F405
WHITENOISE_USE_FINDERS = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# The benchmark's own tests (tests/bench) need its commands; production never installs it.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Tests that need clamd switch scanning on themselves (tests/uploads).
CLAMAV_ENABLED = env_bool("CLAMAV_ENABLED", False)  # noqa: F405
# The browser tests' server runs in another process: it writes mail to files the attendee
# journey reads (the booking link arrives by email, as it does for a real attendee).
if os.environ.get("TEST_EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["TEST_EMAIL_FILE_PATH"]
