"""A page cache in one process's memory cannot be purged from another (a second gunicorn
worker, an import or scheduled publish run from cron), so say so when it is configured."""

from typing import Any

from django.conf import settings
from django.core.checks import Warning, register


@register()
def page_cache_is_shared(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.CACHE_SECONDS > 0 and backend.endswith(("LocMemCache", "FileBasedCache", "DummyCache")):
        return [
            Warning(
                "The page cache (CACHE_SECONDS) is on, but the default cache is not shared between processes.",
                hint="Set CACHE_URL to a Redis server, or CACHE_SECONDS=0. Local memory is only correct for one "
                "process that makes every change itself (the tests, the benchmark).",
                id="caching.W001",
            )
        ]
    return []
