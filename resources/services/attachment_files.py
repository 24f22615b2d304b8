"""Checks on files a publisher asks us to attach, before anything is stored."""

from pathlib import Path

from django.conf import settings

# What each allowed extension's content must start with. Office formats are zip
# containers; plain text must decode as UTF-8 and contain no NUL bytes.
_ZIP = b"PK\x03\x04"
_SIGNATURES: dict[str, bytes | None] = {
    "pdf": b"%PDF-",
    "docx": _ZIP,
    "xlsx": _ZIP,
    "pptx": _ZIP,
    "odt": _ZIP,
    "txt": None,
    "csv": None,
}


def allowed_extensions() -> list[str]:
    return [ext for ext in settings.WAGTAILDOCS_EXTENSIONS if ext in _SIGNATURES]


def attachment_problem(path: Path, base_dir: Path) -> str | None:
    """Why this file cannot be attached, or None when it can.

    The path must stay inside the import folder (no ../ or absolute escapes), exist, be
    of an allowed type whose content agrees with its extension, and fit the size limit.
    """
    try:
        resolved = path.resolve(strict=False)
        resolved.relative_to(base_dir.resolve())
    except ValueError:
        return "is outside the import file's folder"
    if not resolved.is_file():
        return "does not exist"
    extension = resolved.suffix.lower().lstrip(".")
    if extension not in allowed_extensions():
        return f"'.{extension}' files are not allowed (allowed: {', '.join(allowed_extensions())})"
    size = resolved.stat().st_size
    if size == 0:
        return "is empty"
    if size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
        return f"is larger than the {settings.WAGTAILDOCS_MAX_UPLOAD_SIZE // (1024 * 1024)} MB limit"
    with resolved.open("rb") as handle:
        head = handle.read(8192)
    signature = _SIGNATURES[extension]
    if signature is not None and not head.startswith(signature):
        return f"does not contain what a .{extension} file should"
    if signature is None and (b"\x00" in head or not _decodes(head)):
        return f"is not a UTF-8 text file, as a .{extension} file should be"
    return None


def _decodes(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the 8 KB boundary is not an encoding error.
        return error.start >= len(head) - 3
    return True
