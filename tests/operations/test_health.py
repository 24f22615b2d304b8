"""/health/live and /health/ready: JSON, never cached or redirected, 503 naming the part that is down."""

import os
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from operations.models import WorkerHeartbeat

from .conftest import closed_port

pytestmark = pytest.mark.django_db

QUEUE_BACKEND = "django_tasks_db.DatabaseBackend"


@pytest.fixture
def queue_worker(settings):
    """Production's queue: tasks wait for a worker, whose heartbeat the readiness check reads."""
    settings.TASKS = {"default": {"BACKEND": QUEUE_BACKEND}}


@pytest.fixture
def redis_down():
    """The cache points at a closed Redis port. Undone before the suite's own fixtures clear the
    cache (they were set up first, so they are torn down last)."""
    url = f"redis://127.0.0.1:{closed_port()}/0"
    cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    with override_settings(CACHE_URL=url, CACHES={"default": cache}):
        yield url


@pytest.fixture
def elasticsearch_down(settings):
    url = f"http://elastic:engine-secret@127.0.0.1:{closed_port()}"
    settings.SEARCH_URL = url
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [url],
            "INDEX_PREFIX": "health-test-",
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        },
        "database": settings.DATABASE_SEARCH_BACKEND,
    }
    return url


def test_live_answers_without_the_database(client, unreachable_database, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"] == "application/json"


def test_ready_with_every_configured_part_up(client, settings):
    settings.CACHE_URL = ""
    settings.SEARCH_URL = ""
    response = client.get("/health/ready")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "not configured", "search": "not configured", "worker": "not used"},
        "failing": [],
    }
    assert response["Cache-Control"] == "no-store"


def test_ready_names_an_unreachable_database(client, unreachable_database):
    response = client.get("/health/ready")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["failing"] == ["database"]
    assert body["checks"]["database"] == "unreachable"


def test_ready_names_an_unreachable_cache(client, redis_down):
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["failing"] == ["cache"]
    assert redis_down.rsplit(":", 1)[1].split("/")[0] not in response.content.decode()


def test_ready_names_an_unreachable_search_engine_without_revealing_its_address(client, elasticsearch_down):
    response = client.get("/health/ready")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["search"]
    assert body["checks"]["search"] == "unreachable"
    text = response.content.decode()
    assert "engine-secret" not in text
    assert "127.0.0.1" not in text


def test_ready_names_every_part_that_is_down_at_once(client, unreachable_database, redis_down, elasticsearch_down):
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["failing"] == ["database", "cache", "search"]


def test_worker_heartbeat_recorded_by_the_command_makes_the_worker_ready(client, settings):
    # The test settings run the queued heartbeat at once, as a worker would; then the site is
    # switched to production's queue, whose worker the check now finds alive.
    call_command("worker_heartbeat", stdout=StringIO())
    settings.TASKS = {"default": {"BACKEND": QUEUE_BACKEND}}
    response = client.get("/health/ready")
    assert response.status_code == 200
    assert response.json()["checks"]["worker"] == "ok"


def test_ready_names_a_stale_worker(client, queue_worker, settings):
    settings.WORKER_HEARTBEAT_MAX_AGE = 300
    WorkerHeartbeat.objects.create(backend="default", seen_at=timezone.now() - timedelta(seconds=301))
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["failing"] == ["worker"]
    assert response.json()["checks"]["worker"] == "stale"


def test_a_worker_never_seen_is_not_ready(client, queue_worker):
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"] == "never seen"


def test_without_a_queue_the_worker_is_not_used_however_old_the_heartbeat(client):
    WorkerHeartbeat.objects.create(backend="default", seen_at=timezone.now() - timedelta(days=30))
    response = client.get("/health/ready")
    assert response.status_code == 200
    assert response.json()["checks"]["worker"] == "not used"


def test_ready_is_never_kept_by_the_page_cache(client, settings, unreachable_database, monkeypatch):
    settings.CACHE_SECONDS = 600
    assert client.get("/health/ready").status_code == 503
    monkeypatch.undo()  # the database is back
    response = client.get("/health/ready")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_probes_by_address_over_plain_http_are_answered_in_production(client, settings):
    """A load balancer asks by the server's address over HTTP; the site itself would refuse that
    host and redirect to HTTPS."""
    settings.ALLOWED_HOSTS = ["exchange.example"]
    settings.SECURE_SSL_REDIRECT = True
    for path in ("/health/live", "/health/ready", "/health/ready/"):
        assert client.get(path, HTTP_HOST="10.0.0.5:8000").status_code == 200, path
    assert client.get("/", HTTP_HOST="10.0.0.5:8000").status_code == 400
    assert client.get("/", HTTP_HOST="exchange.example").status_code == 301


def test_probes_are_not_rate_limited(client, settings):
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, "1/m")
    statuses = {client.get("/health/ready").status_code for _ in range(5)}
    assert statuses == {200}


def test_only_get_and_head(client):
    assert client.post("/health/ready").status_code == 405
    assert client.head("/health/live").status_code == 200


@pytest.mark.skipif(not os.environ.get("CACHE_URL"), reason="CACHE_URL unset: no shared cache to find up")
def test_a_reachable_cache_is_ready(client):
    assert client.get("/health/ready").json()["checks"]["cache"] == "ok"


@pytest.mark.skipif(not os.environ.get("SEARCH_URL"), reason="SEARCH_URL unset: no search engine to find up")
def test_a_reachable_search_engine_is_ready(client):
    assert client.get("/health/ready").json()["checks"]["search"] == "ok"
