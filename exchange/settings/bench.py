"""Benchmark settings: production-like (DEBUG off, no query logging), a fixed key, quiet logs,
static files from the finders, and the bare "hello" view the benchmark compares against."""

from .base import *  # noqa: F403
from .base import os

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "bench-only-insecure-key")
ALLOWED_HOSTS = ["*"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The outbox delivers over EMAIL_BACKEND (memory), not EMAIL_URL's backend.
OUTBOX_EMAIL_BACKEND = ""
LOGGING["root"]["level"] = "ERROR"  # noqa: F405
BENCH_HELLO = True
# Every benchmark request comes from one loopback address: the per-address limits
# (tests/security/test_rate_limits.py) would measure the 429 page instead of search.
RATE_LIMITS = dict.fromkeys(RATE_LIMITS, "1000000/m")  # noqa: F405
