"""Office documents are zip containers: check them before anything decompresses them.

Only the central directory and one small manifest part are read, so a zip bomb is
refused on the sizes it declares (Python's zipfile never inflates a member past its
declared size, so the declared total is a real bound for the parsers that run later).
"""

import re
import zipfile
from typing import BinaryIO

from django.conf import settings

from uploads.refusals import UploadRefused

# The main part's content type names the format; macro-enabled variants have their own.
_OOXML_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
}
_ODF_TYPES = {"application/vnd.oasis.opendocument.text": "odt"}
_MANIFEST_LIMIT = 1024 * 1024
# Parts that carry code: VBA projects, ActiveX controls, embedded OLE programs, ODF macros.
_ACTIVE_PART = re.compile(
    r"(?:^|/)(?:vbaProject\.bin|vbaData\.xml|activeX/.*|oleObject\d*\.bin)$|^(?:Basic|Scripts)/",
    re.IGNORECASE,
)


def inspect_zip(handle: BinaryIO, size: int) -> str:
    """The Office format ("docx", "xlsx", "pptx" or "odt") of a zip, or UploadRefused."""
    handle.seek(0)
    try:
        with zipfile.ZipFile(handle) as archive:
            members = archive.infolist()
            _check_limits(members, size)
            kind = _office_kind(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, KeyError, ValueError):
        raise UploadRefused("damaged", "it is a damaged or unreadable zip-based file") from None
    finally:
        handle.seek(0)
    return kind


def _check_limits(members: list[zipfile.ZipInfo], size: int) -> None:
    if len(members) > settings.UPLOADS_MAX_ZIP_PARTS:
        raise UploadRefused(
            "zip-parts", f"it has {len(members)} parts inside; at most {settings.UPLOADS_MAX_ZIP_PARTS} are accepted"
        )
    total = sum(member.file_size for member in members)
    if total > settings.UPLOADS_MAX_ZIP_UNCOMPRESSED:
        limit_mb = settings.UPLOADS_MAX_ZIP_UNCOMPRESSED // (1024 * 1024)
        raise UploadRefused("zip-size", f"it would expand to more than {limit_mb} MB when opened")
    if any(member.flag_bits & 0x1 for member in members):
        raise UploadRefused("encrypted", "it is password-protected, so it cannot be checked")
    for member in members:
        if _ACTIVE_PART.search(member.filename):
            raise UploadRefused("macro", "it contains macros or embedded programs; save it without them and try again")


def _office_kind(archive: zipfile.ZipFile) -> str:
    names = set(archive.namelist())
    if "mimetype" in names:
        mimetype = _read_small(archive, "mimetype").decode("ascii", "replace").strip()
        if mimetype in _ODF_TYPES:
            return _ODF_TYPES[mimetype]
        raise UploadRefused("unsupported-office", f"it is an OpenDocument file of a kind not accepted ({mimetype})")
    if "[Content_Types].xml" not in names:
        raise UploadRefused("archive", "its content is a zip archive; upload the documents themselves, not an archive")
    manifest = _read_small(archive, "[Content_Types].xml").decode("utf-8", "replace")
    if "macroEnabled" in manifest or "vbaProject" in manifest:
        raise UploadRefused(
            "macro", "it is a macro-enabled Office file; save it as .docx, .xlsx or .pptx without macros"
        )
    for content_type, kind in _OOXML_MAIN_TYPES.items():
        if f'ContentType="{content_type}"' in manifest:
            return kind
    raise UploadRefused("unsupported-office", "it is an Office file of a kind not accepted (for example a template)")


def _read_small(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as member:
        return member.read(_MANIFEST_LIMIT)
