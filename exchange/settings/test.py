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
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The browser tests serve the site from another process, which must see the same media folder.
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="exchange-test-media-"))  # noqa: F405
# Static files come from the finders; nothing is collected for tests.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="exchange-test-static-"))  # noqa: F405
WHITENOISE_USE_FINDERS = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Tests that need clamd switch scanning on themselves (tests/uploads).
CLAMAV_ENABLED = env_bool("CLAMAV_ENABLED", False)  # noqa: F405
