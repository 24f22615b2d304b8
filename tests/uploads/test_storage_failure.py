"""Disk full or storage failing during an upload: a clear error, no database row, no orphan file.

The fault is real: a 128 KB tmpfs mounted as MEDIA_ROOT fills up mid-write (needs root, as
in CI and on the development machine); without root, a read-only media folder fails instead.
"""

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import UploadedFile

from resources.models import ResourcePage
from tests.uploads import samples

Document = get_document_model()
# Committed transactions, as in production: a test-wide transaction would be left broken by the
# failed save inside Django's save_base (atomic without a savepoint), which production never has.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
# Bigger than the tmpfs, so the disk fills part-way through the write.
BIG_TEXT = samples.TEXT * 4000  # about 260 KB


def files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


@pytest.fixture
def failing_media(settings, tmp_path):
    """MEDIA_ROOT on storage that cannot take the upload: a full tmpfs, or a read-only folder."""
    root = tmp_path / "small-media"
    root.mkdir()
    mounted = False
    if os.geteuid() == 0 and shutil.which("mount"):
        mounted = (
            subprocess.run(  # noqa: S603
                ["mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", str(root)],  # noqa: S607
                capture_output=True,
                check=False,
            ).returncode
            == 0
        )
    if not mounted:
        root.chmod(0o500)
    settings.MEDIA_ROOT = root
    yield root
    if mounted:
        subprocess.run(["umount", str(root)], check=False)  # noqa: S603, S607
    else:
        root.chmod(0o700)


def test_single_upload_shows_a_clear_error_and_keeps_nothing(admin_client, failing_media):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Synthetic", "collection": 1, "file": SimpleUploadedFile("notes.txt", BIG_TEXT)},
    )
    assert response.status_code == 503
    assert "The file could not be stored" in response.content.decode()
    assert Document.objects.count() == 0
    assert files_under(failing_media) == []


def test_multiple_upload_reports_the_failure_against_the_file(admin_client, failing_media):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile("notes.txt", BIG_TEXT)}
    )
    data = json.loads(response.content)
    assert data["success"] is False
    assert "storage is full or not working" in data["error_message"]
    assert Document.objects.count() == 0
    assert UploadedFile.objects.count() == 0
    assert files_under(failing_media) == []


def test_import_stops_with_a_clear_message_and_imports_nothing(db, failing_media, tmp_path):
    folder = tmp_path / "import"
    folder.mkdir()
    (folder / "notes.txt").write_bytes(BIG_TEXT)
    row = {
        "source_id": "cam-1",
        "borough": "camden",
        "title": "Strategy discussion guidance",
        "type": "practice-guidance",
        "summary": "How to record a multi-agency strategy discussion.",
        "attachments": ["notes.txt"],
    }
    (folder / "import.json").write_text(json.dumps({"resources": [row]}))
    with pytest.raises(CommandError, match="storage is full or not working"):
        call_command("import_resources", str(folder / "import.json"), stdout=io.StringIO(), stderr=io.StringIO())
    assert not ResourcePage.objects.exists()
    assert Document.objects.count() == 0
    assert files_under(failing_media) == []


def test_a_small_file_still_fits(admin_client, failing_media):
    """The fault is the disk, not the code path: with room, the same upload works."""
    if not os.access(failing_media, os.W_OK):
        pytest.skip("read-only media folder: nothing fits")
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Synthetic", "collection": 1, "file": SimpleUploadedFile("notes.txt", samples.TEXT)},
    )
    assert response.status_code == 302
    assert len(files_under(failing_media)) == 1
