"""The personal-data guard applied to a resource as an editor saves, submits, approves or publishes it.

Scans every place text reaches readers from: title, summary, body, tags, contact details,
and each attachment's extracted text and metadata (author, comments, tracked changes).
Findings carry only masked text, so showing or logging them never repeats what was found.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from resources.guard import HIGH, LOW, scan

METADATA_KIND = "name in document metadata"


@dataclass(frozen=True)
class PageFinding:
    """One finding and where it is ("Summary", "Tag", "Attachment 'x.docx' (comments)")."""

    location: str
    kind: str
    confidence: str
    masked: str

    @property
    def blocks(self) -> bool:
        return self.confidence == HIGH

    def describe(self) -> str:
        return f"{self.location}: {self.kind} ({self.masked})"


@dataclass
class GuardedContent:
    """The text of a resource in the shape the guard reads, from a page or from an edit form."""

    title: str = ""
    summary: str = ""
    body: str = ""
    contact: str = ""
    tags: Iterable[str] = ()
    documents: Iterable[Any] = ()

    @classmethod
    def from_page(cls, page: Any) -> "GuardedContent":
        return cls(
            title=page.title,
            summary=page.summary,
            body=page.body_text(),
            contact=" ".join(filter(None, [page.contact_name, page.contact_email])),
            tags=[tag.name for tag in page.tags.all()],
            documents=[attachment.document for attachment in page.attachments.all() if attachment.document_id],
        )


def scan_content(content: GuardedContent) -> list[PageFinding]:
    """Every finding in the resource, high-confidence first, then in page order."""
    texts = [("Title", content.title), ("Summary", content.summary), ("Body", content.body)]
    texts += [("Contact", content.contact)]
    texts += [("Tag", tag) for tag in content.tags]
    findings = [_from(location, text) for location, text in texts]
    for document in content.documents:
        findings.append(list(document_findings(document)))
    flat = [finding for group in findings for finding in group]
    return sorted(flat, key=lambda f: f.confidence != HIGH)


def scan_page(page: Any) -> list[PageFinding]:
    return scan_content(GuardedContent.from_page(page))


def has_blocking(findings: Iterable[PageFinding]) -> bool:
    return any(finding.blocks for finding in findings)


def summarise(findings: Iterable[PageFinding]) -> list[str]:
    return [finding.describe() for finding in findings]


def _from(location: str, text: str | None) -> list[PageFinding]:
    return [PageFinding(location, str(f.kind), f.confidence, f.masked) for f in scan(text or "")]


def document_findings(document: Any) -> Iterable[PageFinding]:
    """Findings in a document's extracted text and in its metadata (names are always 'check')."""
    label = f"Attachment '{document.filename}'"
    yield from _from(f"{label} (text)", document.extracted_text)
    metadata = document.metadata or {}
    for field, title in (("author", "author"), ("last_modified_by", "last modified by")):
        if metadata.get(field):
            yield PageFinding(f"{label} ({title})", METADATA_KIND, LOW, mask_name(metadata[field]))
    for author in metadata.get("comment_authors", []):
        yield PageFinding(f"{label} (comment author)", METADATA_KIND, LOW, mask_name(author))
    for author in metadata.get("revision_authors", []):
        yield PageFinding(f"{label} (tracked change author)", METADATA_KIND, LOW, mask_name(author))
    yield from _from(f"{label} (comments)", metadata.get("comments_text", ""))
    yield from _from(f"{label} (tracked changes)", metadata.get("revisions_text", ""))
    if metadata.get("comment_count"):
        yield PageFinding(
            f"{label} (comments)", "comments left in the document", LOW, f"{metadata['comment_count']} comment(s)"
        )
    if metadata.get("revision_count"):
        yield PageFinding(
            f"{label} (tracked changes)",
            "tracked changes left in the document",
            LOW,
            f"{metadata['revision_count']} change(s)",
        )


def mask_name(name: str) -> str:
    """'Pat Example' → 'P** E******': enough to recognise one's own name, not to read someone else's."""
    return " ".join(word[:1] + "*" * (len(word) - 1) for word in str(name).split()) or "*"
