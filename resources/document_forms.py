"""The document form: uploads' checks, and the personal-data guard for documents already on a
published page, whose new file or title would reach readers at once with no review (found from
outside: a lead replaced a live attachment with one naming a child and it was public at once)."""

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from wagtail.models import Page, ReferenceIndex

from resources.models import ResourceAttachment
from resources.services.bounded_extraction import extract_text_bounded
from resources.services.page_guard import document_findings
from uploads.forms import DocumentForm


def live_pages_using(document: Any) -> list[Page]:
    """Published pages that show this document: as an attachment or from their body."""
    attached = ResourceAttachment.objects.filter(document=document).values_list("page_id", flat=True)
    referenced = [
        int(ref.object_id) for ref in ReferenceIndex.get_references_to(document) if str(ref.object_id).isdigit()
    ]
    return list(Page.objects.live().filter(pk__in=[*attached, *referenced]).order_by("title"))


class GuardedDocumentForm(DocumentForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        document = self.instance
        if not document.pk or self.errors or not ({"file", "title"} & set(self.changed_data)):
            return cleaned
        pages = live_pages_using(document)
        if not pages:
            return cleaned  # a draft's document is checked when the draft is published or submitted
        findings = [finding for finding in document_findings(self._as_read(cleaned)) if finding.blocks]
        if findings:
            problems = "; ".join(f"{f.sentence} ({f.masked})" for f in findings)
            names = ", ".join(f"'{page.title}'" for page in pages[:3])
            raise forms.ValidationError(
                f"This document is on a published page ({names}), so readers would see the change at once, "
                f"and it looks like it contains personal data: {problems}. Remove it from the file or title."
            )
        return cleaned

    def _as_read(self, cleaned: dict[str, Any]) -> SimpleNamespace:
        """The document as it would be after this save: the new file read (bounded), or the stored text."""
        document, file = self.instance, cleaned.get("file")
        if isinstance(file, UploadedFile):
            file.seek(0)
            result = extract_text_bounded(file, Path(file.name or "").suffix.lower().lstrip("."))
            file.seek(0)
            return SimpleNamespace(
                filename=Path(file.name or "").name,
                title=cleaned.get("title") or "",
                extracted_text=result.text,
                metadata=result.metadata,
                extraction_error=result.error,
            )
        return SimpleNamespace(
            filename=document.filename,
            title=cleaned.get("title") or "",
            extracted_text=document.extracted_text,
            metadata=document.metadata,
            extraction_error=document.extraction_error,
        )
