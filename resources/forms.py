"""The resource editor's form: refuses to publish, approve or submit for moderation while the
personal-data guard has high-confidence findings.

A clear identifier (NHS or NI number, date of birth, postcode, phone, email, case reference) is
never let through: it is removed. A softer finding (a name, a street address, a school with a
first name) may be acknowledged by whoever publishes or submits, with a reason recorded in the
page's history with their name (resources.services.page_guard.CLEAR_IDENTIFIERS).
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from wagtail.admin.forms import WagtailAdminPageForm

from resources.services.body_text import blocks_plain_text, body_places
from resources.services.guarded_fields import body_document_ids, body_hidden_text
from resources.services.page_guard import (
    GuardedContent,
    documents_by_id,
    has_blocking,
    must_remove,
    raw_strings,
    scan_content,
    scan_texts,
)
from resources.services.visibility import document_visible_to


class PublishingActions:
    """Which button an admin page form was sent with."""

    data: Any

    def publishing(self) -> bool:
        """Whether the button pressed publishes: Publish, or approving a workflow task from the editor."""
        if self.data.get("action-publish"):
            return True
        return bool(self.data.get("action-workflow-action")) and self.data.get("workflow-action-name") == "approve"

    def submitting(self) -> bool:
        """Whether the button pressed sends the draft to moderators (first time or again).

        Submission is guarded like publication: the moderators of another borough would
        otherwise read the personal data in the draft and in the notification about it.
        """
        return bool(self.data.get("action-submit") or self.data.get("action-restart-workflow"))


class GuardedPageForm(PublishingActions, WagtailAdminPageForm):
    """Any page's editor form (events, publishers, service pages): every text a reader may see is
    read by the personal-data guard before it is published or submitted, as a resource's is.

    Generic on purpose: each text, rich text or StreamField field of the form is read, so a field
    added to a page type later is guarded without anyone remembering to list it.
    """

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not (self.publishing() or self.submitting()):
            return cleaned
        findings = [finding for finding in scan_texts(self._texts(cleaned)) if finding.blocks]
        if findings:
            verb = "published" if self.publishing() else "submitted for moderation"
            problems = "; ".join(f"{f.sentence} ({f.masked})" for f in findings)
            raise ValidationError(
                f"This cannot be {verb}: it looks like it contains personal data. {problems}. "
                "Remove it and save; if the check is wrong, tell the coordinators so it can be corrected."
            )
        return cleaned

    def _texts(self, cleaned: dict[str, Any]) -> list[tuple[str, str]]:
        texts: list[tuple[str, str]] = []
        for name, value in cleaned.items():
            label = str(self.fields[name].label or name) if name in self.fields else name
            if isinstance(value, str):
                texts.append((label, strip_tags(value) if "<" in value else value))
            elif hasattr(value, "raw_data"):
                texts.append((label, " ".join(raw_strings(list(value.raw_data)))))
        return texts


class ResourcePageForm(PublishingActions, WagtailAdminPageForm):
    guard_override_reason = forms.CharField(
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Why a flagged name or address is not a child's or family's",
        help_text=(
            "Only for names, street addresses and schools the check flagged that are not about a child or "
            "family (a professional, an author, an office): say why. Recorded in the page history with your "
            "name. NHS and NI numbers, dates of birth, postcodes, phone numbers, email addresses and case "
            "references can never be let through: remove them."
        ),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self._refuse_unreadable_attachments()
        self._refuse_unreadable_body_documents(cleaned)
        if not (self.publishing() or self.submitting()):
            return cleaned
        findings = scan_content(self._content(cleaned))
        if not has_blocking(findings):
            return cleaned
        verb = "published" if self.publishing() else "submitted for moderation"
        hard = must_remove(findings)
        reason = (cleaned.get("guard_override_reason") or "").strip()
        if reason and not hard:
            return cleaned  # acknowledged: the after_edit_page / after_create_page hooks record it
        shown = hard if reason else [finding for finding in findings if finding.blocks]
        problems = "; ".join(f"{finding.sentence} ({finding.masked})" for finding in shown)
        message = f"This cannot be {verb}: it looks like it contains personal data. {problems}."
        if hard:
            message += " These can never be let through, whatever the reason: remove them and save."
        else:
            message += (
                " Remove it, or, if it is not about a child or family (a professional, an author, an office), "
                "say why in the box for flagged names and addresses."
            )
        raise ValidationError(message)

    def _refuse_unreadable_attachments(self) -> None:
        """A document chosen here must be one the editor may read: the chooser lists only those,
        but its id is a plain form value, and attaching another publisher's draft would publish it."""
        formset = self.formsets.get("attachments")
        if formset is None or not formset.is_valid():
            return
        for form in formset.forms:
            document = form.cleaned_data.get("document")
            if document and "document" in form.changed_data and not document_visible_to(document, self.for_user):
                form.add_error("document", "You cannot attach this document: it belongs to another publisher.")
                self.add_error(None, "One of the attachments is not yours to attach; choose another document.")

    def _refuse_unreadable_body_documents(self, cleaned: dict[str, Any]) -> None:
        """The body's document-link blocks take a document id too: the same rule as attachments,
        or a lead could publish another publisher's draft file by linking it from the body."""
        body = cleaned.get("body")
        ids = body_document_ids(list(body.raw_data)) if body is not None else []
        if any(not document_visible_to(document, self.for_user) for document in documents_by_id(ids)):
            self.add_error("body", "A document link in the body is another publisher's; choose another document.")

    def _content(self, cleaned: dict[str, Any]) -> GuardedContent:
        body = cleaned.get("body")
        raw = list(body.raw_data) if body is not None else []
        return GuardedContent(
            title=cleaned.get("title") or "",
            summary=cleaned.get("summary") or "",
            body=blocks_plain_text(raw),
            contact=" ".join(filter(None, [cleaned.get("contact_name"), cleaned.get("contact_email")])),
            tags=[str(tag) for tag in cleaned.get("tags") or []],
            documents=self._documents(),
            seo_title=cleaned.get("seo_title") or "",
            search_description=cleaned.get("search_description") or "",
            version=cleaned.get("version") or "",
            slug=cleaned.get("slug") or "",
            source_id=cleaned.get("source_id") or "",
            body_hidden=body_hidden_text(raw),
            body_documents=documents_by_id(body_document_ids(raw)),
            body_places=body_places(raw),
        )

    def _documents(self) -> list[Any]:
        formset = self.formsets.get("attachments")
        if formset is None or not formset.is_valid():
            return []
        return [
            form.cleaned_data["document"]
            for form in formset.forms
            if form.cleaned_data.get("document") and not form.cleaned_data.get("DELETE")
        ]
