"""The page cache on, over local memory and (when reachable) a real Redis.

Redis comes from CACHE_URL (`.ci/run` starts one on port 6390) or redis://127.0.0.1:6390/0.
Without a server the Redis cases skip, saying why; REQUIRE_REDIS=1 makes that a failure.
"""

import os
import socket
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.test import Client

REDIS_URL = os.environ.get("CACHE_URL", "").strip() or "redis://127.0.0.1:6390/0"


def redis_reachable(url: str) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), timeout=1):
            return True
    except OSError:
        return False


def _use_redis(settings) -> None:
    if not REDIS_URL.startswith(("redis://", "rediss://")):
        pytest.skip(f"CACHE_URL is not a Redis address: {REDIS_URL}")
    if not redis_reachable(REDIS_URL):
        message = f"no Redis at {REDIS_URL} (apt-get install redis-server; see .ci/run)"
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail(f"REQUIRE_REDIS=1 but {message}")
        pytest.skip(message)
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
    }


def use_cache_backend(name: str, settings) -> None:
    """The default cache on local memory ("locmem") or the real Redis ("redis", skipped without one)."""
    if name == "redis":
        _use_redis(settings)
    else:
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(params=["locmem", "redis"])
def page_cache(request, settings):
    """The page cache switched on (CACHE_SECONDS=600) over each backend, emptied around the test."""
    use_cache_backend(request.param, settings)
    settings.CACHE_SECONDS = 600
    cache.clear()
    yield request.param
    cache.clear()


@pytest.fixture
def anonymous() -> Client:
    return Client()
