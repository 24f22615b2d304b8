"""The Makefile a newcomer runs first: a Python other than the supported one stops with a clear message."""

import os
import stat
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_an_unsupported_python_stops_make_with_a_clear_message(tmp_path):
    fake = tmp_path / "python3.12"
    # Answers like a Python 3.12 would: the version check fails, --version names it.
    fake.write_text('#!/bin/sh\n[ "$1" = "--version" ] && echo "Python 3.12.4" && exit 0\nexit 1\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    result = subprocess.run(  # noqa: S603 - the project's own Makefile
        ["make", "--no-print-directory", f"PYTHON={fake}", f"VENV={tmp_path / 'venv'}", "install"],  # noqa: S607
        cwd=ROOT,
        env={**os.environ, "MAKEFLAGS": ""},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "needs Python 3.11" in result.stderr
    assert "Python 3.12.4" in result.stderr
    assert not (tmp_path / "venv").exists()
