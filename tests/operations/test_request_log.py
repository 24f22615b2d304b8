"""One log line per request: method, path without the query string, status, time, request id."""

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from operations.logformat import JsonFormatter

ROOT = Path(__file__).resolve().parents[2]
LOGGER = "exchange.requests"


def request_lines(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == LOGGER]


@pytest.mark.django_db
def test_one_line_per_request_without_the_query_string(client, caplog):
    with caplog.at_level(logging.INFO, logger=LOGGER):
        response = client.get("/search/?q=child+called+Example+Person&page=2")
    [record] = request_lines(caplog)
    assert record.method == "GET"
    assert record.path == "/search/"
    assert record.status == response.status_code
    assert record.duration_ms >= 0
    assert record.request_id == response["X-Request-ID"]
    line = record.getMessage()
    assert line.startswith(f"GET /search/ {response.status_code} ")
    assert "Example" not in line
    assert "q=" not in line


@pytest.mark.django_db
def test_a_posted_body_is_never_logged(client, caplog):
    with caplog.at_level(logging.DEBUG, logger=LOGGER):
        client.post("/admin/login/", {"username": "lead@borough.example", "password": "not-a-real-password"})
    [record] = request_lines(caplog)
    assert record.method == "POST"
    logged = JsonFormatter().format(record)  # the message and every field of the line
    assert "borough.example" not in logged
    assert "not-a-real-password" not in logged


@pytest.mark.django_db
def test_the_proxys_request_id_is_kept_and_echoed(client, caplog):
    with caplog.at_level(logging.INFO, logger=LOGGER):
        response = client.get("/robots.txt", HTTP_X_REQUEST_ID="4f9c2b1e0d8a7c6b5a4f3e2d1c0b9a8f")
    assert response["X-Request-ID"] == "4f9c2b1e0d8a7c6b5a4f3e2d1c0b9a8f"
    assert request_lines(caplog)[0].request_id == "4f9c2b1e0d8a7c6b5a4f3e2d1c0b9a8f"


@pytest.mark.django_db
@pytest.mark.parametrize("given", ["", "two words", "x" * 129, "forged\nGET / 200", "<script>"])
def test_an_unusable_request_id_is_replaced(client, given):
    response = client.get("/robots.txt", HTTP_X_REQUEST_ID=given)
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


@pytest.mark.django_db
def test_each_request_gets_its_own_id(client):
    assert client.get("/robots.txt")["X-Request-ID"] != client.get("/robots.txt")["X-Request-ID"]


@pytest.mark.django_db
def test_control_characters_in_the_path_cannot_forge_a_line(client, caplog):
    with caplog.at_level(logging.INFO, logger=LOGGER):
        client.get("/nothing%0AGET%20/admin/%20200/")
    [record] = request_lines(caplog)
    assert "\n" not in record.getMessage()
    assert record.path == "/nothing\\x0aGET /admin/ 200/"


@pytest.mark.django_db
def test_passing_health_probes_are_quiet_and_failing_ones_are_not(client, caplog, unreachable_database):
    with caplog.at_level(logging.INFO, logger=LOGGER):
        client.get("/health/live")
        client.get("/health/ready")
    assert [record.status for record in request_lines(caplog)] == [503]


def test_json_lines_carry_the_fields_and_never_the_request_object(rf):
    request = rf.get("/search/?q=private")
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/search/",), None)
    record.status_code = 404
    record.request = request
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "Not Found: /search/"
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "django.request"
    assert entry["status_code"] == 404
    assert "request" not in entry
    assert "private" not in json.dumps(entry)


def test_log_format_json_writes_json_lines():
    """The setting end to end: a process started with LOG_FORMAT=json logs JSON to stderr."""
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('exchange.requests').warning('GET / 200', extra={'status': 200, 'request_id': 'abc'})"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "exchange.settings.dev", "LOG_FORMAT": "json"}
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    entry = json.loads(result.stderr.strip().splitlines()[-1])
    assert entry["message"] == "GET / 200"
    assert entry["status"] == 200
    assert entry["request_id"] == "abc"


def test_an_unknown_log_format_is_refused():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "exchange.settings.dev", "LOG_FORMAT": "xml"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "LOG_FORMAT must be text or json" in result.stderr
