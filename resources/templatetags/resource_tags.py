"""Template filters for showing resources and their documents."""

from django import template
from wagtail.documents.models import AbstractDocument

register = template.Library()

FORMAT_NAMES = {"docx": "Word", "xlsx": "Excel", "pptx": "PowerPoint", "odt": "OpenDocument text"}


def human_size(size: int) -> str:
    """'240 KB', '1.4 MB': whole kilobytes, one decimal for megabytes, as GOV.UK writes file sizes."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


@register.filter
def file_description(document: AbstractDocument) -> str:
    """'PDF, 240 KB, 4 pages': what a practitioner needs to know before downloading on a slow connection."""
    extension = (document.file_extension or "").lower()
    parts = [FORMAT_NAMES.get(extension, extension.upper() or "File")]
    # Wagtail records the size on upload; get_file_size() fills it in once for documents saved without it.
    if size := document.get_file_size():
        parts.append(human_size(size))
    if pages := getattr(document, "page_count", None):
        parts.append(f"{pages} page{'s' if pages != 1 else ''}")
    return ", ".join(parts)


@register.filter
def is_pdf(document: AbstractDocument) -> bool:
    return (document.file_extension or "").lower() == "pdf"
