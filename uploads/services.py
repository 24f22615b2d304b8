"""The one entry point for checking a file before it is stored (admin forms and the importer).

Order matters: cheap checks first (size, extension), then content type, then format
checks that parse (zip directory, PDF objects), then the virus scan.
"""

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.template.defaultfilters import filesizeformat

from uploads.active_content import check_office
from uploads.detection import DOCX, ODT, PDF, PPTX, TEXT, XLSX, Kind, detect_kind
from uploads.pdf import check_pdf
from uploads.refusals import UploadRefused
from uploads.scanning import scan
from uploads.text_files import safe_text

logger = logging.getLogger("exchange.uploads")


@dataclass(frozen=True)
class CheckedUpload:
    kind: Kind
    scanned: bool


def check_upload(
    handle: BinaryIO,
    name: str,
    size: int,
    allowed_extensions: Iterable[str],
    *,
    source: str,
    user_id: int | None = None,
) -> CheckedUpload:
    """Check an upload; return what it is, or log and raise UploadRefused with the reason.

    The log line names the source, the user's id, the extension, size and a SHA-256
    prefix, never the file name, which may name a family.
    """
    extension = PurePath(name).suffix.lower().lstrip(".")
    try:
        return _check(handle, extension, size, [e.lower() for e in allowed_extensions])
    except UploadRefused as refusal:
        logger.warning(
            "Upload refused (%s): source=%s user=%s extension=%s size=%d sha256=%s",
            refusal.code,
            source,
            user_id,
            extension or "-",
            size,
            _digest(handle),
        )
        raise


def _check(handle: BinaryIO, extension: str, size: int, allowed: list[str]) -> CheckedUpload:
    if size == 0:
        raise UploadRefused("empty", "it is empty")
    if size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
        raise UploadRefused(
            "too-large",
            f"it is {filesizeformat(size)}, over the {filesizeformat(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)} limit",
        )
    if not extension:
        raise UploadRefused(
            "extension",
            f"its name has no extension; name it ending in one of .{', .'.join(allowed)} and upload it again",
        )
    if extension not in allowed:
        raise UploadRefused("extension", f"'.{extension}' files are not accepted (accepted: {', '.join(allowed)})")
    kind = detect_kind(handle, size)
    if extension not in kind.extensions:
        raise UploadRefused(
            "mismatch", f"it is called .{extension} but its content is {kind.name} (.{kind.extensions[0]})"
        )
    if kind is TEXT:
        handle.seek(0)
        safe_text(handle.read(), extension)  # refuses what cannot be stored safely; neutralised() stores it
        handle.seek(0)
    elif kind is PDF:
        check_pdf(handle)
    elif kind in (DOCX, XLSX, PPTX, ODT):
        check_office(handle)
    outcome = scan(handle)
    return CheckedUpload(kind=kind, scanned=outcome.scanned)


def _digest(handle: BinaryIO) -> str:
    sha = hashlib.sha256()
    try:
        handle.seek(0)
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            sha.update(chunk)
        handle.seek(0)
    except (OSError, ValueError):
        return "-"
    return sha.hexdigest()[:16]


def stored_bytes(data: bytes, name: str) -> bytes:
    """A checked file's content as it should be stored: a text file in UTF-8 with formula-like
    cells made text (uploads.text_files), anything else unchanged."""
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in TEXT.extensions:
        return data
    return safe_text(data, extension) or data


def neutralised(file: UploadedFile) -> UploadedFile:
    """A checked upload as it should be stored (see stored_bytes)."""
    if PurePath(file.name or "").suffix.lower().lstrip(".") not in TEXT.extensions:
        return file
    file.seek(0)
    data = file.read()
    file.seek(0)
    safe = stored_bytes(data, file.name or "")
    if safe is data:
        return file
    return SimpleUploadedFile(file.name, safe, content_type=file.content_type)
