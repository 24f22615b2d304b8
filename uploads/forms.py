"""Wagtail's document and image forms with the exchange's upload checks.

Set as WAGTAILDOCS_DOCUMENT_FORM_BASE and WAGTAILIMAGES_IMAGE_FORM_BASE, so the single
and the multiple upload views both use them. A refused file fails validation: Wagtail then
stores neither the file nor a database row, and shows the reason next to the file field.
"""

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from uploads.refusals import UploadRefused
from uploads.scanning import NOT_SCANNED_WARNING, scanning_enabled
from uploads.services import check_upload, neutralised


class _CheckedUploadMixin:
    """clean_file for either form; ``allowed_extensions`` says what the form accepts."""

    fields: dict[str, forms.Field]
    cleaned_data: dict[str, Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.uploading_user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        if "file" in self.fields and not scanning_enabled():
            field = self.fields["file"]
            field.help_text = f"{field.help_text} {NOT_SCANNED_WARNING}".strip()

    def allowed_extensions(self) -> list[str]:
        raise NotImplementedError

    def clean_file(self) -> Any:
        file = self.cleaned_data.get("file")
        # On edit without a new file this is the stored file, already checked.
        if not isinstance(file, UploadedFile):
            return file
        try:
            check_upload(
                file,
                file.name or "",
                file.size or 0,
                self.allowed_extensions(),
                source="admin",
                user_id=getattr(self.uploading_user, "pk", None),
            )
            return neutralised(file)
        except UploadRefused as refusal:
            raise forms.ValidationError(
                "This file was refused: %(reason)s.", code=f"refused-{refusal.code}", params={"reason": refusal.reason}
            ) from None

    def _post_clean(self) -> None:
        # A refused file never reaches the instance, so Wagtail's model check then reads an empty
        # file name and adds "File extension “” is not allowed" under the refusal: only ours stays.
        errors = getattr(self, "_errors", None) or {}
        refusals = list(errors.get("file", []))
        super()._post_clean()  # type: ignore[misc]
        if refusals:
            self._errors["file"] = self.error_class(refusals)  # type: ignore[attr-defined]


class DocumentForm(_CheckedUploadMixin, BaseDocumentForm):
    def allowed_extensions(self) -> list[str]:
        return list(settings.WAGTAILDOCS_EXTENSIONS)


class ImageForm(_CheckedUploadMixin, BaseImageForm):
    def allowed_extensions(self) -> list[str]:
        return list(settings.WAGTAILIMAGES_EXTENSIONS)
