"""CACHE_URL and CACHE_SECONDS from the environment, and the check on an unshared page cache."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.checks import run_checks

ROOT = Path(__file__).resolve().parents[2]


def settings_in_subprocess(**env: str) -> subprocess.CompletedProcess:
    code = "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'], s.CACHE_SECONDS)"
    clean = {k: v for k, v in os.environ.items() if k not in {"CACHE_URL", "CACHE_SECONDS"}}
    return subprocess.run(  # noqa: S603 - fixed arguments, our own settings
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "exchange.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_local_memory_and_no_page_cache_without_cache_url():
    result = settings_in_subprocess()
    assert result.stdout.split() == ["django.core.cache.backends.locmem.LocMemCache", "0"], result.stderr


def test_redis_from_cache_url_with_the_page_cache_on():
    result = settings_in_subprocess(CACHE_URL="redis://127.0.0.1:6390/0")
    assert result.stdout.split() == ["django.core.cache.backends.redis.RedisCache", "600"], result.stderr
    result = settings_in_subprocess(CACHE_URL="redis://127.0.0.1:6390/0", CACHE_SECONDS="30")
    assert result.stdout.split()[1] == "30"


def test_a_cache_url_with_an_unknown_scheme_fails_clearly():
    result = settings_in_subprocess(CACHE_URL="memcache-typo://127.0.0.1:11211")
    assert result.returncode != 0
    assert "Invalid cache schema memcache-typo" in result.stderr


def test_check_warns_when_the_page_cache_is_not_shared(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.CACHE_SECONDS = 600
    assert "caching.W001" in [message.id for message in run_checks()]
    settings.CACHE_SECONDS = 0
    assert "caching.W001" not in [message.id for message in run_checks()]
