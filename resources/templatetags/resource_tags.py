"""Template filters for showing resources and their documents."""

from django import template
from django.template.defaultfilters import filesizeformat
from wagtail.documents.models import AbstractDocument

register = template.Library()


@register.filter
def file_description(document: AbstractDocument) -> str:
    """'PDF, 24.1 KB': what a practitioner needs to know before downloading on a slow connection."""
    kind = (document.file_extension or "file").upper()
    size = document.file_size
    return f"{kind}, {filesizeformat(size)}" if size else kind
