"""What /health/ready checks: each function answers one part's state, never raises, never reveals
a secret (no URL, host name or error text leaves this module; the details go to the log).

Each answer is one of OK, NOT_CONFIGURED (the part is optional and not set up, which is
healthy) or a short failure reason ("unreachable", "stale", …) that names what is wrong.
"""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS

from operations.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

OK = "ok"
NOT_CONFIGURED = "not configured"
NOT_USED = "not used"
HEALTHY = {OK, NOT_CONFIGURED, NOT_USED}

# Backends that run a task inside the process that queues it: no worker exists to watch.
IN_PROCESS_TASK_BACKENDS = {
    "django_tasks.backends.immediate.ImmediateBackend",
    "django_tasks.backends.dummy.DummyBackend",
}
PING_KEY = "operations:health:ping"


def database() -> str:
    """The default database answers a trivial query."""
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: database unreachable")
        return "unreachable"
    return OK


def cache() -> str:
    """The shared cache (CACHE_URL) stores and returns a value; the in-process cache is not checked."""
    if not settings.CACHE_URL:
        return NOT_CONFIGURED
    try:
        backend = caches["default"]
        backend.set(PING_KEY, "pong", timeout=30)
        if backend.get(PING_KEY) != "pong":
            return "not storing"
    except Exception:
        logger.exception("Health check: cache unreachable")
        return "unreachable"
    return OK


def search_engine() -> str:
    """The search engine (SEARCH_URL) answers a ping through the configured Wagtail backend's
    own client, within HEALTH_CHECK_TIMEOUT seconds."""
    if not settings.SEARCH_URL:
        return NOT_CONFIGURED
    from wagtail.search.backends import get_search_backend

    try:
        client = get_search_backend("default").es
        answered = client.options(request_timeout=settings.HEALTH_CHECK_TIMEOUT, max_retries=0).ping()
    except Exception:
        logger.exception("Health check: search engine unreachable")
        return "unreachable"
    return OK if answered else "unreachable"


def worker() -> str:
    """A task worker ran the heartbeat task within WORKER_HEARTBEAT_MAX_AGE seconds.

    With a backend that runs tasks in the web process (dev and tests) there is no worker.
    """
    backend = settings.TASKS.get(DEFAULT_TASK_BACKEND_ALIAS, {}).get("BACKEND", "")
    if backend in IN_PROCESS_TASK_BACKENDS:
        return NOT_USED
    try:
        beat = WorkerHeartbeat.objects.filter(backend=DEFAULT_TASK_BACKEND_ALIAS).first()
    except Exception:
        logger.exception("Health check: worker heartbeat unreadable")
        return "unknown"
    if beat is None:
        return "never seen"
    if timezone.now() - beat.seen_at > timedelta(seconds=settings.WORKER_HEARTBEAT_MAX_AGE):
        return "stale"
    return OK


READINESS: dict[str, Callable[[], str]] = {
    "database": database,
    "cache": cache,
    "search": search_engine,
    "worker": worker,
}


def readiness() -> dict[str, str]:
    """Every part's state, by name, in a fixed order."""
    return {name: check() for name, check in READINESS.items()}
