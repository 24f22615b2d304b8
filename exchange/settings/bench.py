"""Benchmark settings: production-like (DEBUG off, no query logging), a fixed key, quiet logs,
static files from the finders, the page cache on, and the bare "hello" view the benchmark
compares against."""

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
# The benchmark app exists only here (and in the test settings): production never installs it.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
ROOT_URLCONF = "bench.urls"  # the project's URLs and the bare "hello" view
# The anonymous page cache on, in local memory unless CACHE_URL is set: the benchmark's server
# is one gunicorn worker, and its measurements change nothing while it serves, so nothing
# needs purging across processes (the check that says so is silenced here only).
CACHE_SECONDS = int(os.environ.get("CACHE_SECONDS", "600"))
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", str(CACHE_SECONDS)))
SILENCED_SYSTEM_CHECKS = ["caching.W001"]
# Every benchmark request comes from one loopback address: the per-address limits
# (tests/security/test_rate_limits.py) would measure the 429 page instead of search.
# Bookings keep theirs: the load test books as separate people (bench/loadtest/locustfile.py).
RATE_LIMITS = {**RATE_LIMITS, **dict.fromkeys(("search", "suggest", "login"), "1000000/m")}  # noqa: F405
