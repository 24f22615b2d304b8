"""The personal-data guard applied to a bulk-import row before anything is written.

A high-confidence finding (an NHS number, a date of birth, a case reference …) makes the
row invalid, like any other problem; a low-confidence one is reported as a warning. Only
masked text is ever printed.
"""

from pathlib import Path
from types import SimpleNamespace

from resources.guard import HIGH, scan, scan_identifier
from resources.services.bounded_extraction import extract_text_bounded
from resources.services.page_guard import document_findings

# Read like a slug: words behind separators, references inside ("cam-cp-2023-00123").
IDENTIFIERS = {"source_id"}


def guard_row(fields: dict[str, str], tags: list[str], attachments: list[Path]) -> tuple[list[str], list[str]]:
    """(problems, warnings) for one row: each names the field, the kind of finding and the masked text."""
    texts = [(name, value) for name, value in fields.items() if value]
    texts += [("tags", tag) for tag in tags]
    found = [
        (name, finding.kind, finding.confidence, finding.masked)
        for name, text in texts
        for finding in (scan_identifier(text) if name in IDENTIFIERS else scan(text))
    ]
    for path in attachments:
        with path.open("rb") as handle:
            # Bounded like the worker's, and remembered, so the import stores this reading on the
            # document rather than extracting the same file again (resources.services.importer).
            result = extract_text_bounded(handle, path.suffix.lower().lstrip("."))
        # The same reading of text and metadata (author, comments, tracked changes) as in the editor.
        document = SimpleNamespace(
            filename=path.name, extracted_text=result.text, metadata=result.metadata, extraction_error=result.error
        )
        found += [
            (
                f"attachments: {f.location.removeprefix('Attachment ').removesuffix(' (text)')}",
                f.kind,
                f.confidence,
                f.masked,
            )
            for f in document_findings(document)
        ]
    problems: list[str] = []
    warnings: list[str] = []
    for name, kind, confidence, masked in found:
        message = f"{name}: looks like personal data ({kind}: {masked})"
        if confidence == HIGH:
            problems.append(f"{message}; remove it before importing")
        else:
            warnings.append(f"{message}; check it is not about a child or family")
    return problems, warnings
