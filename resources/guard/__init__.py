"""The personal-data guard: find values that could identify a child or family in text.

``scan(text)`` runs every detector over one piece of text (a title, a summary, body text,
a tag, an attachment's extracted text) and returns non-overlapping findings in reading
order. A "high" finding must stop publication; a "low" one is shown as a warning.
"""

from .detectors import DEFAULT_ALLOWED_EMAIL_DOMAINS
from .redact import identifier_text, redact, redact_search, scan_identifier
from .scanning import has_high_confidence, scan
from .types import HIGH, LOW, Finding, Kind

__all__ = [
    "DEFAULT_ALLOWED_EMAIL_DOMAINS",
    "HIGH",
    "LOW",
    "Finding",
    "Kind",
    "has_high_confidence",
    "identifier_text",
    "redact",
    "redact_search",
    "scan",
    "scan_identifier",
]
