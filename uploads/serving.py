"""Documents are downloaded through Django (Wagtail's serve view, which applies collection
view restrictions), never from public media; this wrapper adds the exchange's headers."""

import re
import unicodedata
from urllib.parse import quote

from django.http import HttpRequest, HttpResponse
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve

# A document is data, never a page: nothing in it may load, run or be framed.
DOCUMENT_CSP = "default-src 'none'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'"
# Chrome and Firefox refuse to render a PDF in a sandboxed document, so PDFs (checked for
# JavaScript on upload) are the only inline type and the only one without the sandbox.
_SANDBOX = "; sandbox"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(name: str) -> str:
    """An ASCII file name for Content-Disposition: letters, digits, dot, dash, underscore only."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    cleaned = _UNSAFE.sub("_", ascii_name).strip("._") or "document"
    return cleaned[:150]


def content_disposition(disposition: str, name: str) -> str:
    """``attachment`` or ``inline`` with a safe ASCII name and the exact name RFC 5987-encoded."""
    return f"{disposition}; filename=\"{safe_filename(name)}\"; filename*=UTF-8''{quote(name, safe='')}"


def _refusal(request: HttpRequest, document_id: str, document_filename: str) -> HttpResponse | None:
    """Whether the reader may have the document, asked before its file name is compared.

    Wagtail compares the name first, so a wrong name answered 404 where the right one sent an
    anonymous reader to sign in: an oracle for the names of documents one may not read.
    """
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None or document.filename == document_filename:
        return None  # Wagtail's own view answers these, hooks included
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(document, request)
        if isinstance(result, HttpResponse):
            return result
    return None


def serve_document(request: HttpRequest, document_id: str, document_filename: str) -> HttpResponse:
    """Wagtail's document view (permission checks included), with safe headers on the file."""
    refused = _refusal(request, document_id, document_filename)
    if refused is not None:
        return refused
    response = serve(request, document_id, document_filename)
    if response.status_code != 200 or "Content-Disposition" not in response:
        return response  # a login or password page, or a 304: Wagtail's own headers stand
    inline = response["Content-Disposition"].startswith("inline")
    response["Content-Disposition"] = content_disposition("inline" if inline else "attachment", document_filename)
    response["Content-Security-Policy"] = DOCUMENT_CSP if inline else DOCUMENT_CSP + _SANDBOX
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
