"""The exchange's document model: Wagtail's, plus the text extracted from the file.

Extracted text is indexed with the resources that attach the document, so a phrase
found only inside an attached PDF still finds its resource.
"""

from django.db import models
from wagtail.documents.models import AbstractDocument, Document


class ExchangeDocument(AbstractDocument):
    extracted_text = models.TextField(blank=True, editable=False)
    extraction_error = models.CharField(
        max_length=255,
        blank=True,
        editable=False,
        help_text="Why no text could be extracted (encrypted, damaged or image-only), if so.",
    )
    page_count = models.PositiveIntegerField(null=True, blank=True, editable=False)
    metadata = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="Author, comments and tracked changes found in the file, for the personal-data guard.",
    )

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = "document"
        verbose_name_plural = "documents"
