"""Shared fixtures for the bulk-import tests (test_import_validation.py, test_import_writing.py).

Import files and their attachments are written to a folder of their own under tmp_path,
apart from MEDIA_ROOT (tests/conftest.py points that at tmp_path / "media").
"""

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Collection, Revision

from resources.models import ResourcePage

PDF = b"%PDF-1.4\n% generic practice template\n"


@dataclass
class ImportRun:
    """What one run of the command printed, and the CommandError it ended with, if any."""

    stdout: str
    stderr: str
    error: CommandError | None = None

    @property
    def problems(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


@pytest.fixture
def import_dir(tmp_path: Path) -> Path:
    """The folder the import file lives in; attachments are named relative to it."""
    folder = tmp_path / "upload"
    folder.mkdir()
    return folder


@pytest.fixture
def make_row() -> Callable[..., dict[str, Any]]:
    """A valid Camden row numbered n; keyword arguments override or add fields."""

    def make(n: int = 1, **fields: Any) -> dict[str, Any]:
        row = {
            "source_id": f"cam-{n}",
            "borough": "camden",
            "title": f"Strategy discussion guidance {n}",
            "type": "practice-guidance",
            "summary": "How to record a multi-agency strategy discussion.",
            "published": "2024-03-01",
        }
        row.update(fields)
        return row

    return make


@pytest.fixture
def write_import(import_dir: Path) -> Callable[..., Path]:
    """Write {"resources": rows} (or any other JSON value via data=) and return the file's path."""

    def write(rows: list[Any] | None = None, *, data: Any = None, name: str = "resources.json") -> Path:
        path = import_dir / name
        path.write_text(json.dumps({"resources": rows} if data is None else data), encoding="utf-8")
        return path

    return write


@pytest.fixture
def attachment(import_dir: Path) -> Callable[..., str]:
    """Write a file into the import folder and return its relative name for "attachments"."""

    def write(name: str = "template.pdf", content: bytes = PDF) -> str:
        path = import_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return name

    return write


@pytest.fixture
def run_import(db: None) -> Callable[..., ImportRun]:
    """Run `import_resources PATH *args`; a CommandError fails the test."""

    def run(path: Path, *args: str, **options: Any) -> ImportRun:
        stdout, stderr = io.StringIO(), io.StringIO()
        call_command("import_resources", str(path), *args, stdout=stdout, stderr=stderr, **options)
        return ImportRun(stdout.getvalue(), stderr.getvalue())

    return run


@pytest.fixture
def run_failing_import(db: None) -> Callable[..., ImportRun]:
    """Run the command expecting it to fail; returns the output and the CommandError."""

    def run(path: Path, *args: str) -> ImportRun:
        stdout, stderr = io.StringIO(), io.StringIO()
        with pytest.raises(CommandError) as raised:
            call_command("import_resources", str(path), *args, stdout=stdout, stderr=stderr)
        return ImportRun(stdout.getvalue(), stderr.getvalue(), raised.value)

    return run


@pytest.fixture
def stored_state(db: None) -> Callable[[], dict[str, Any]]:
    """Everything an import could write, counted, so a test can prove nothing was."""

    def snapshot() -> dict[str, Any]:
        media = Path(settings.MEDIA_ROOT)
        return {
            "resources": ResourcePage.objects.count(),
            "revisions": Revision.objects.count(),
            "tags": Tag.objects.count(),
            "documents": get_document_model().objects.count(),
            "collections": Collection.objects.count(),
            "media files": sorted(str(p) for p in media.rglob("*") if p.is_file()) if media.exists() else [],
        }

    return snapshot
