"""The WSGI entry point gunicorn loads: the application, with start-up objects frozen."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_worker_freezes_what_it_loaded_at_start_up():
    # In a process of its own: freezing is for the worker's lifetime, not this test run's.
    script = "import gc, exchange.wsgi; print(callable(exchange.wsgi.application), gc.get_freeze_count())"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "exchange.settings.test"}
    command = [sys.executable, "-c", script]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)  # noqa: S603
    assert done.returncode == 0, done.stderr
    is_app, frozen = done.stdout.split()
    assert is_app == "True"
    assert int(frozen) > 10_000  # Django and Wagtail's modules, at least
