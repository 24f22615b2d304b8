"""The personal-data guard applied to a resource as an editor saves, submits, approves or publishes it.

Scans every place text reaches readers or URLs from: title, slug, SEO title and search
description, summary, body (with its link addresses, table captions and the documents its
document-link blocks point at), tags, contact details, version, source id, and each
attachment's title, file name, extracted text and metadata (author, comments, tracked changes).
Findings carry only masked text, so showing or logging them never repeats what was found.
"""

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.html import strip_tags

from resources.guard import HIGH, LOW, redact, scan, scan_identifier
from resources.services.body_text import body_places
from resources.services.guarded_fields import body_document_ids, body_hidden_text

METADATA_KIND = "name in document metadata"
UNREAD_KIND = "no readable text (scanned image?)"
NO_TEXT_LAYER = "no text layer"  # the start of extraction.NO_TEXT_LAYER, without importing the extractor
# An author property that names no person: the tool that wrote the file, or an organisation.
_NOT_A_PERSON = re.compile(
    r"(?i)^(?:anonymous|unknown|none|n/?a|author|administrator|admin|user|owner|windows user|microsoft office user"
    r"|london practice exchange|practice exchange|london councils)$"
    r"|\b(?:council|borough|corporation|partnership|lscp|nhs|trust|services?|team|ltd|limited|plc|department"
    r"|microsoft|word|office|libreoffice|openoffice|acrobat|adobe|reportlab|python-docx|openpyxl|apache poi"
    r"|pdf|google docs|writer)\b"
)


# Clear identifiers: no reason makes one safe to publish, so a must-remove finding of these kinds is
# never overridden or acknowledged, by a lead or a coordinator; it is removed. A softer finding (a
# name, a street, a school with a first name) may be a professional, an author or an office, so
# whoever publishes or submits may acknowledge it with a reason, recorded with their name.
CLEAR_IDENTIFIERS = frozenset(
    {"nhs_number", "ni_number", "date_of_birth", "postcode", "phone", "email", "case_reference"}
)

# The guard's kinds in an editor's words (resources.guard.types.Kind).
KIND_LABELS = {
    "nhs_number": "NHS number",
    "ni_number": "National Insurance number",
    "postcode": "Postcode",
    "date_of_birth": "Date of birth",
    "phone": "Phone number",
    "email": "Email address",
    "case_reference": "Case reference",
    "person_name": "A person's name",
    "address": "Street address",
    "school_year_name": "A school, year group and first name together",
    METADATA_KIND: "A person's name in the document's properties",
    UNREAD_KIND: "Pages with no readable text (check them by eye)",
}
FIELD_PLACES = {
    "Title": "the title",
    "Summary": "the summary",
    "Body": "the body",
    "Body links and captions": "the body's link addresses or table captions",
    "SEO title": "the SEO title (Promote tab)",
    "Search description": "the search description (Promote tab)",
    "Contact": "the contact details",
    "Version": "the version",
    "Tag": "a tag",
    "Slug": "the page's address (slug, Promote tab)",
    "Source ID": "the source ID",
}


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

    @property
    def acknowledgeable(self) -> bool:
        """Whether a reason may let this through: anything but a must-remove clear identifier."""
        return not (self.blocks and self.kind in CLEAR_IDENTIFIERS)

    def describe(self) -> str:
        return f"{self.location}: {self.kind} ({self.masked})"

    @property
    def sentence(self) -> str:
        """What an editor reads: "NHS number in the body, 'Strategy discussion' section, paragraph 2"."""
        label = KIND_LABELS.get(self.kind, self.kind.replace("_", " ").capitalize())
        place = FIELD_PLACES.get(self.location, self.location)
        if place.startswith("Body, "):
            place = "the body, " + place.removeprefix("Body, ")
        elif place[:1].isupper() and not place.startswith(("SEO", "PDF", "DOCX")):
            place = place[0].lower() + place[1:]
        return f"{label} in {place}"


@dataclass
class GuardedContent:
    """The text of a resource in the shape the guard reads, from a page or from an edit form."""

    title: str = ""
    summary: str = ""
    body: str = ""
    contact: str = ""
    tags: Iterable[str] = ()
    documents: Iterable[Any] = ()
    seo_title: str = ""
    search_description: str = ""
    version: str = ""
    slug: str = ""
    source_id: str = ""
    body_hidden: str = ""  # link addresses and table captions
    body_documents: Iterable[Any] = ()  # behind the body's document-link blocks
    # Each block's text and where it is; when given, findings name the block, not just "Body".
    body_places: list[tuple[str, str]] = dataclasses.field(default_factory=list)

    @classmethod
    def from_page(cls, page: Any) -> "GuardedContent":
        raw = page.body.raw_data
        return cls(
            title=page.title,
            summary=page.summary,
            body=page.body_text(),
            contact=" ".join(filter(None, [page.contact_name, page.contact_email])),
            tags=[tag.name for tag in page.tags.all()],
            documents=[attachment.document for attachment in page.attachments.all() if attachment.document_id],
            seo_title=page.seo_title,
            search_description=page.search_description,
            version=page.version,
            slug=page.slug,
            source_id=page.source_id,
            body_hidden=body_hidden_text(raw),
            body_documents=documents_by_id(body_document_ids(raw)),
            body_places=body_places(raw),
        )


def documents_by_id(ids: list[int]) -> list[Any]:
    from wagtail.documents import get_document_model

    found = get_document_model().objects.in_bulk(ids) if ids else {}
    return [found[pk] for pk in dict.fromkeys(ids) if pk in found]


def scan_content(content: GuardedContent) -> list[PageFinding]:
    """Every finding in the resource, high-confidence first, then in page order."""
    body = content.body_places or [("Body", content.body)]
    texts = [("Title", content.title), ("Summary", content.summary), *body]
    texts += [("Body links and captions", content.body_hidden)]
    texts += [("SEO title", content.seo_title), ("Search description", content.search_description)]
    texts += [("Contact", content.contact), ("Version", content.version)]
    texts += [("Tag", tag) for tag in content.tags]
    # Shown in URLs and as references: read with their separators spelt out.
    findings = [_from(location, text) for location, text in texts]
    findings += [_from_identifier("Slug", content.slug), _from_identifier("Source ID", content.source_id)]
    for document in content.documents:
        findings.append(list(document_findings(document)))
    for document in content.body_documents:
        findings.append(list(document_findings(document, "Body document link")))
    flat = [finding for group in findings for finding in group]
    return sorted(flat, key=lambda f: f.confidence != HIGH)


def scan_texts(texts: Iterable[tuple[str, str]]) -> list[PageFinding]:
    """Findings in labelled texts (any page type's fields), high-confidence first."""
    flat = [finding for location, text in texts for finding in _from(location, text)]
    return sorted(flat, key=lambda f: f.confidence != HIGH)


def raw_strings(raw: Any) -> list[str]:
    """Every string in raw StreamField data (any block shape), rich text without its tags."""
    if isinstance(raw, str):
        return [strip_tags(raw) if "<" in raw else raw]
    if isinstance(raw, dict):
        return [text for key, value in raw.items() if key not in {"type", "id"} for text in raw_strings(value)]
    if isinstance(raw, list):
        return [text for item in raw for text in raw_strings(item)]
    return []


def scan_page(page: Any) -> list[PageFinding]:
    return scan_content(GuardedContent.from_page(page))


def has_blocking(findings: Iterable[PageFinding]) -> bool:
    return any(finding.blocks for finding in findings)


def must_remove(findings: Iterable[PageFinding]) -> list[PageFinding]:
    """The findings no reason can let through (clear identifiers at must-remove confidence)."""
    return [finding for finding in findings if not finding.acknowledgeable]


def summarise(findings: Iterable[PageFinding]) -> list[str]:
    return [finding.describe() for finding in findings]


def _from(location: str, text: str | None) -> list[PageFinding]:
    return [PageFinding(location, str(f.kind), f.confidence, f.masked) for f in scan(text or "")]


def _from_identifier(location: str, value: str | None) -> list[PageFinding]:
    return [PageFinding(location, str(f.kind), f.confidence, f.masked) for f in scan_identifier(value or "")]


def document_findings(document: Any, place: str = "Attachment") -> Iterable[PageFinding]:
    """Findings in a document's title, file name, extracted text and metadata (names are always 'check').

    The file name is shown masked in every location: it may itself be what was found.
    """
    label = f"{place} '{redact(document.filename)}'"
    yield from _from_identifier(f"{label} (file name)", document.filename)
    yield from _from(f"{label} (title)", getattr(document, "title", ""))
    yield from _from(f"{label} (text)", document.extracted_text)
    if (getattr(document, "extraction_error", "") or "").startswith(NO_TEXT_LAYER):
        # Text that cannot be read cannot be cleared: a person has to look at the pages.
        yield PageFinding(f"{label} (pages)", UNREAD_KIND, LOW, "pages are images; check them by eye")
    metadata = document.metadata or {}
    for field, title in (("author", "author"), ("last_modified_by", "last modified by")):
        if metadata.get(field) and not is_organisation_or_product(metadata[field]):
            yield PageFinding(f"{label} ({title})", METADATA_KIND, LOW, mask_name(metadata[field]))
    for author in metadata.get("comment_authors", []):
        yield PageFinding(f"{label} (comment author)", METADATA_KIND, LOW, mask_name(author))
    for author in metadata.get("revision_authors", []):
        yield PageFinding(f"{label} (tracked change author)", METADATA_KIND, LOW, mask_name(author))
    yield from _from(f"{label} (properties)", metadata.get("properties_text", ""))
    yield from _from(f"{label} (hidden content)", metadata.get("hidden_text", ""))
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


def is_organisation_or_product(name: str) -> bool:
    """Whether a document's author property names an organisation, a product or nobody, not a person."""
    return bool(_NOT_A_PERSON.search(" ".join(str(name).split())))


def mask_name(name: str) -> str:
    """'Pat Example' → 'P** E******': enough to recognise one's own name, not to read someone else's."""
    return " ".join(word[:1] + "*" * (len(word) - 1) for word in str(name).split()) or "*"
