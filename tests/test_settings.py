"""Configuration comes from the environment; production refuses unsafe settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "x7$Kq!2mZ9@vLr#4Pw8^Tn6&Yb3*Hc5%Jd1(Gf0)Se7+Ua9=Wi2_Ox4~Rk8"


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE"}}
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "exchange.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_passes_the_deployment_checklist():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="exchange.example",
        WAGTAILADMIN_BASE_URL="https://exchange.example",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="exchange.example")
    assert result.returncode != 0
    assert "SECRET_KEY environment variable is required" in result.stderr


def test_production_refuses_to_start_with_debug_on():
    result = run_manage("check", SECRET_KEY=STRONG_KEY, DEBUG="1")
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


@pytest.mark.django_db
def test_database_url_selects_the_database():
    """CI runs this suite twice; this proves the second run really is on PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected


@pytest.mark.django_db
def test_the_admin_sends_nothing_to_gravatar(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "gravatar" not in response.content.decode()


def test_production_keeps_database_connections_with_health_checks():
    """Persistent connections survive a database restart (tests/resilience proves it on PostgreSQL)."""
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "d = settings.DATABASES['default']; print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DB_CONN_MAX_AGE"}}
    result = subprocess.run(  # noqa: S603 - our own settings
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "exchange.settings.production",
            "SECRET_KEY": STRONG_KEY,
            "ALLOWED_HOSTS": "exchange.example",
        },
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.split() == ["60", "True"]


def test_a_base_url_the_site_would_refuse_is_warned_about():
    """Email links use WAGTAILADMIN_BASE_URL; a host outside ALLOWED_HOSTS would answer them with 400."""
    result = run_manage(
        "check",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="exchange.example",
        WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000",
    )
    assert "home.W001" in result.stderr
    assert "'127.0.0.1' is not in ALLOWED_HOSTS" in result.stderr
