"""Backups of the database and media, and restoring them.

A backup is a folder: the database (PostgreSQL: pg_dump's custom format, a consistent
snapshot; SQLite: the online backup API, consistent too), media.tar.gz, and manifest.json
with each file's SHA-256 and what the database held. Restoring checks the checksums first,
then replaces the database and the media folder with the backup's.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"


class BackupError(Exception):
    """A backup could not be made or restored; the message says why."""


@dataclass(frozen=True)
class BackupSummary:
    folder: Path
    engine: str
    counts: dict[str, int]


def create_backup(destination: Path) -> BackupSummary:
    """Write a new backup folder under ``destination`` and return what it holds."""
    folder = destination / f"backup-{datetime.datetime.now(tz=datetime.UTC):%Y%m%d-%H%M%S-%f}"
    folder.mkdir(parents=True)
    engine = _engine()
    database_file = folder / ("database.dump" if engine == "postgresql" else "database.sqlite3")
    if engine == "postgresql":
        _pg("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={database_file}", _db_name())
    else:
        target = sqlite3.connect(database_file)
        try:
            _raw_sqlite().backup(target)
        finally:
            target.close()
    _archive_media(folder / MEDIA_ARCHIVE)
    counts = content_counts()
    manifest = {
        "engine": engine,
        "created": datetime.datetime.now(tz=datetime.UTC).isoformat(),
        "database": database_file.name,
        "counts": counts,
        "sha256": {name: _sha256(folder / name) for name in (database_file.name, MEDIA_ARCHIVE)},
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return BackupSummary(folder, engine, counts)


def restore_backup(folder: Path) -> BackupSummary:
    """Replace the database and media with the backup's, after checking it is complete and intact."""
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise BackupError(f"{folder} is not a backup folder (no {MANIFEST})")
    manifest = json.loads(manifest_path.read_text())
    for name, digest in manifest["sha256"].items():
        if not (folder / name).is_file() or _sha256(folder / name) != digest:
            raise BackupError(f"{name} is missing or damaged (checksum differs); nothing was restored")
    if manifest["engine"] != _engine():
        raise BackupError(f"this backup is of a {manifest['engine']} database, not {_engine()}; nothing was restored")
    database_file = folder / manifest["database"]
    if manifest["engine"] == "postgresql":
        connection.close()
        _pg(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            f"--dbname={_db_name()}",
            str(database_file),
        )
    else:
        source = sqlite3.connect(database_file)
        try:
            source.backup(_raw_sqlite())
        finally:
            source.close()
    _restore_media(folder / MEDIA_ARCHIVE)
    return BackupSummary(folder, manifest["engine"], content_counts())


def content_counts() -> dict[str, int]:
    """What a restore must bring back, counted (also written to the manifest)."""
    from django.contrib.auth import get_user_model
    from taggit.models import Tag
    from wagtail.documents import get_document_model
    from wagtail.models import Page, Revision

    counts = {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "documents": get_document_model().objects.count(),
        "tags": Tag.objects.count(),
        "users": get_user_model().objects.count(),
    }
    try:  # bookings arrive with the events app
        from django.apps import apps

        counts["bookings"] = apps.get_model("events", "Booking").objects.count()
    except LookupError:
        pass
    return counts


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in {"postgresql", "sqlite"}:
        raise BackupError(f"backups support PostgreSQL and SQLite, not {vendor}")
    return vendor


def _raw_sqlite() -> sqlite3.Connection:
    connection.ensure_connection()
    return connection.connection


def _db_name() -> str:
    return str(connection.settings_dict["NAME"])


def _pg(tool: str, *arguments: str) -> None:
    """Run a PostgreSQL client tool against this project's database (password through the environment)."""
    params: dict[str, Any] = connection.settings_dict
    if shutil.which(tool) is None:
        raise BackupError(f"{tool} is not installed (Debian: apt-get install postgresql-client)")
    command = [
        tool,
        f"--host={params.get('HOST') or 'localhost'}",
        f"--port={params.get('PORT') or 5432}",
        f"--username={params.get('USER') or 'postgres'}",
        *arguments,
    ]
    env = {**os.environ, "PGPASSWORD": str(params.get("PASSWORD") or "")}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip()[:500]}")


def _archive_media(archive: Path) -> None:
    root = Path(settings.MEDIA_ROOT)
    with tarfile.open(archive, "w:gz") as tar:
        if root.exists():
            for path in sorted(root.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    tar.add(path, arcname=str(path.relative_to(root)), recursive=False)


def _restore_media(archive: Path) -> None:
    root = Path(settings.MEDIA_ROOT)
    staging = root.with_name(root.name + ".restoring")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with tarfile.open(archive, "r:gz") as tar:
        # The "data" filter refuses absolute paths, "..", links and devices in the archive.
        tar.extractall(staging, filter="data")
    shutil.rmtree(root, ignore_errors=True)
    staging.rename(root)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()
