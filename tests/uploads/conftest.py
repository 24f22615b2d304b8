import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("uploader", "uploader@exchange.example", "a-long-test-password")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def media_files(settings):
    """Every file under MEDIA_ROOT, to prove a refused upload left nothing behind."""

    def files() -> list[Path]:
        root = Path(settings.MEDIA_ROOT)
        return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []

    return files


@pytest.fixture(scope="session")
def clamd_url():
    """A real clamd with the project's small signature database (scripts/clamd.sh), for this session.

    Skipped when clamd is not installed, unless REQUIRE_CLAMAV=1 (CI), where that is a failure.
    """
    required = os.environ.get("REQUIRE_CLAMAV") == "1"
    if not (shutil.which("clamd") and shutil.which("sigtool")):
        if required:
            pytest.fail("REQUIRE_CLAMAV=1 but clamd/sigtool are not installed (apt-get install clamav-daemon)")
        pytest.skip("needs a real clamd: apt-get install clamav-daemon, or run .ci/run (REQUIRE_CLAMAV=1 there)")
    # Directly under /tmp: clamd runs as the clamav user, who cannot enter pytest's private folders.
    env = {**os.environ, "CLAMD_DIR": tempfile.mkdtemp(prefix="exchange-clamd-")}
    script = str(ROOT / "scripts" / "clamd.sh")
    started = subprocess.run([script, "start"], env=env, capture_output=True, text=True, timeout=120, check=False)  # noqa: S603
    if started.returncode != 0:
        pytest.fail(f"scripts/clamd.sh start failed: {started.stderr.strip()}")
    yield started.stdout.strip()
    subprocess.run([script, "stop"], env=env, capture_output=True, timeout=60, check=False)  # noqa: S603
