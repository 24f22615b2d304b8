"""Text from attached documents, so a phrase found only inside a PDF or Word file finds its resource.

Uploads are untrusted: any file may be damaged, encrypted, image-only or built to exhaust
memory. Extraction therefore never raises for anything in a file; it records why there is
no text on the document instead, so an editor can see it and the upload still succeeds.
Document text may describe real casework, so it is never logged: only document ids and
the kind of failure are.
"""

import io
import logging
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from django.conf import settings
from docx import Document as open_docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import LxmlError
from pypdf import PasswordType, PdfReader
from pypdf.errors import PyPdfError
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument

from caching.services import purge_all
from indexing.updates import update_object
from resources.models import ResourcePage
from resources.services import readers
from resources.services.doc_metadata import docx_metadata, pdf_metadata

logger = logging.getLogger(__name__)

MAX_TEXT_LENGTH = 1_000_000
# Enough for any guidance document; stops a 50,000-page PDF from tying up a worker.
MAX_PDF_PAGES = 500
# A DOCX whose parts unpack to more than this is a zip bomb, not practice guidance.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
# Fewer non-space characters per page than this means the pages are pictures of text.
MIN_CHARS_PER_PAGE = 10

ENCRYPTED = "encrypted"
NO_TEXT_LAYER = "no text layer (scanned image?)"
TOO_LARGE = "too large to read"
UNREADABLE = "could not be read"

READABLE_EXTENSIONS = {"pdf", "docx", "txt", "csv", *readers.READERS}
# What the readers raise for a damaged file. Anything else they raise is caught too (a
# parser meeting hostile input can raise almost anything) but logged by class, so a bug
# of ours does not hide as a damaged upload.
EXPECTED_READ_ERRORS = (
    PyPdfError,
    zipfile.BadZipFile,
    PackageNotFoundError,
    LxmlError,
    KeyError,
    ValueError,
    OSError,
)

_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
# NUL and other control characters: PostgreSQL refuses NUL in text, and none of them index.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class ExtractionResult:
    """What one file yielded: its text, its page count (PDF only) and why there is no text, if so."""

    text: str = ""
    page_count: int | None = None
    error: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def error_kind(self) -> str:
        """The error without its detail: safe to log, because it never quotes the file."""
        return self.error.split(":", 1)[0]


def extract_text(file_obj: IO[bytes], extension: str) -> ExtractionResult:
    """Read the text of a document of the given type; never raises for anything in the file.

    Reads at most WAGTAILDOCS_MAX_UPLOAD_SIZE bytes: anything larger did not come through
    the upload form, and is refused rather than read into memory.
    """
    kind = extension.lower().lstrip(".")
    if kind not in READABLE_EXTENSIONS:
        # An allowed upload with no reader (none today): no text, nothing wrong.
        return ExtractionResult()
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    try:
        data = file_obj.read(limit + 1)
        if len(data) > limit:
            return ExtractionResult(error=f"{TOO_LARGE}: over {limit // (1024 * 1024)} MB")
        if kind == "pdf":
            return _pdf(data)
        if kind == "docx":
            return _docx(data)
        if kind in readers.READERS:
            return _with_reader(kind, data)
        return ExtractionResult(text=normalise(data.decode("utf-8-sig", errors="replace")))
    except Exception as error:  # never BaseException: KeyboardInterrupt must still stop a worker
        if not isinstance(error, EXPECTED_READ_ERRORS):
            logger.warning("Unexpected %s reading a .%s file", type(error).__name__, kind)
        return ExtractionResult(error=_unreadable(error))


def extract_document_text(document: AbstractDocument) -> None:
    """Extract a document's text, store it, and re-index the live resources that attach it.

    Stores with queryset.update so the document's post_save (which queues this very work)
    does not fire again. Failures are recorded on the document; nothing raises to the caller,
    which is a background task with nobody to report to.
    """
    result = _extract_from_storage(document)
    get_document_model().objects.filter(pk=document.pk).update(
        extracted_text=result.text,
        extraction_error=result.error[:255],
        page_count=result.page_count,
        metadata=result.metadata,
    )
    if result.error:
        logger.info("Document %s: no text extracted (%s)", document.pk, result.error_kind)
    else:
        logger.info("Document %s: extracted %d characters", document.pk, len(result.text))
    _refresh_resources_attaching(document)
    # The update above sends no post_save, and search results and page counts show the text.
    purge_all("document text extracted")


def normalise(text: str) -> str:
    """One space between words, one line break between lines, no blank lines; capped in length."""
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _BLANK_LINES.sub("\n", _SPACES.sub(" ", text))
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)[:MAX_TEXT_LENGTH]


def _extract_from_storage(document: AbstractDocument) -> ExtractionResult:
    from resources.services.bounded_extraction import extract_text_bounded  # it imports this module

    try:
        with document.open_file() as handle:
            return extract_text_bounded(handle, document.file_extension)
    except (OSError, ValueError) as error:
        # Missing from storage, or no file at all: recorded, like any other unreadable file.
        return ExtractionResult(error=_unreadable(error))


def _refresh_resources_attaching(document: AbstractDocument) -> None:
    pages = ResourcePage.objects.live().filter(attachments__document=document).distinct()
    for page in pages:
        # Failures are queued for retry_index_updates; the extracted text is kept either way.
        update_object(page)


def _pdf(data: bytes) -> ExtractionResult:
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        # Some PDFs are "encrypted" with an empty password only to set permissions; those read fine.
        try:
            decrypted = reader.decrypt("") != PasswordType.NOT_DECRYPTED
        except (PyPdfError, NotImplementedError):  # e.g. AES without the cryptography package
            decrypted = False
        if not decrypted:
            return ExtractionResult(error=ENCRYPTED)
    page_count = len(reader.pages)
    if page_count == 0:
        return ExtractionResult(error=f"{UNREADABLE}: no pages")

    metadata = pdf_metadata(reader)
    pages_read = min(page_count, MAX_PDF_PAGES)
    text = normalise("\n".join(_capped(_page_text(page) for page in reader.pages[:pages_read])))
    if len(re.sub(r"\s", "", text)) < MIN_CHARS_PER_PAGE * pages_read:
        return ExtractionResult(text=text, page_count=page_count, error=NO_TEXT_LAYER, metadata=metadata)
    return ExtractionResult(text=text, page_count=page_count, metadata=metadata)


# Text drawn a character at a time comes out one character a line ("K\na\ny…"), which hides a
# name or a number from the guard; the layout reading places the characters back into lines.
_ONE_CHARACTER_LINE = re.compile(r"^\s*\S?\s*$")
MIN_SPLIT_LINES = 8


def _page_text(page: Any) -> str:
    text = page.extract_text() or ""
    lines = text.split("\n")
    split = sum(1 for line in lines if _ONE_CHARACTER_LINE.match(line))
    if split < MIN_SPLIT_LINES or split * 3 < len(lines):
        return text
    try:
        return page.extract_text(extraction_mode="layout") or text
    except Exception:  # the plain reading above stands; layout is only a better one
        return text


def _docx(data: bytes) -> ExtractionResult:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        # zipfile never unpacks more than a member's declared size, so the declared total is a safe bound.
        if sum(member.file_size for member in archive.infolist()) > MAX_UNPACKED_BYTES:
            return ExtractionResult(error=f"{TOO_LARGE}: unpacks to over {MAX_UNPACKED_BYTES // (1024 * 1024)} MB")
    document = open_docx(io.BytesIO(data))
    parts: list[str] = []
    for section in document.sections:
        parts += _story_text(_headers_and_footers(section))
    parts += _story_text(document.iter_inner_content())
    return ExtractionResult(text=normalise("\n".join(_capped(parts))), metadata=docx_metadata(data))


def _with_reader(kind: str, data: bytes) -> ExtractionResult:
    try:
        text, metadata = readers.read(kind, data)
    except readers.TooLarge:
        return ExtractionResult(error=f"{TOO_LARGE}: unpacks to over {MAX_UNPACKED_BYTES // (1024 * 1024)} MB")
    return ExtractionResult(text=normalise(text), metadata=metadata)


def _headers_and_footers(section: Any) -> Iterator[Paragraph | Table]:
    for part in (
        section.header,
        section.first_page_header,
        section.even_page_header,
        section.footer,
        section.first_page_footer,
        section.even_page_footer,
    ):
        # A linked header is the previous section's; reading it again would only repeat it.
        if not part.is_linked_to_previous:
            yield from part.iter_inner_content()


def _story_text(blocks: Iterable[Paragraph | Table]) -> list[str]:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        else:
            parts += _table_text(block)
    return parts


def _table_text(table: Table) -> list[str]:
    parts: list[str] = []
    seen: set[Any] = set()  # the cells' XML elements: holding them keeps lxml's proxies (and hashes) stable
    for row in table.rows:
        for cell in row.cells:
            # A merged cell appears once per grid column it spans; its text belongs once.
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            parts += _story_text(cell.iter_inner_content())
    return parts


def _capped(chunks: Iterable[str]) -> Iterator[str]:
    """Stop reading once there is more text than we store, rather than extracting all of it first."""
    total = 0
    for chunk in chunks:
        yield chunk
        total += len(chunk)
        if total > MAX_TEXT_LENGTH:
            return


def _unreadable(error: BaseException) -> str:
    # The exception's class only, never its message: reader messages can quote bytes of the file.
    if isinstance(error, FileNotFoundError):
        return f"{UNREADABLE}: the file is missing from storage"
    return f"{UNREADABLE}: damaged or not really a file of its type ({type(error).__name__})"
