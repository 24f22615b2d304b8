"""Checks on files a publisher asks us to attach, before anything is stored."""

from pathlib import Path

from django.conf import settings

from uploads.refusals import UploadRefused
from uploads.services import check_upload

# Images are published through Wagtail's image library, not as import attachments.
_ATTACHABLE = {"pdf", "docx", "xlsx", "pptx", "odt", "txt", "csv"}


def allowed_extensions() -> list[str]:
    return [ext for ext in settings.WAGTAILDOCS_EXTENSIONS if ext in _ATTACHABLE]


def attachment_problem(path: Path, base_dir: Path) -> str | None:
    """Why this file cannot be attached, or None when it can.

    The path must stay inside the import folder (no ../ or absolute escapes) and exist;
    then it passes the same checks as an upload in the admin (uploads.services): type by
    content agreeing with the extension, size, Office and PDF checks, virus scan.
    """
    try:
        resolved = path.resolve(strict=False)
        resolved.relative_to(base_dir.resolve())
    except ValueError:
        return "is outside the import file's folder"
    if not resolved.is_file():
        return "does not exist"
    try:
        with resolved.open("rb") as handle:
            check_upload(handle, resolved.name, resolved.stat().st_size, allowed_extensions(), source="import")
    except UploadRefused as refusal:
        return f"was refused: {refusal.reason}"
    return None
