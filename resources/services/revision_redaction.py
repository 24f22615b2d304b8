"""Redacting personal data from a resource's earlier revisions once the editor has removed it.

Drafts and autosaves keep every state of a page, and history, compare, revert, a revision's
preview, the admin API and later backups all read them; the page's log keeps its title at each
action. When the newest revision no longer
holds a must-remove finding that any earlier one did, every revision of the page has that
value starred out, as the guard masks, so no route can show it again. Values still present
in the newest revision are left alone: the guard keeps them from being published, and a
coordinator may have recorded why one is safe.
"""

import json
import re
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from wagtail.models import Revision

from resources.guard import HIGH, identifier_text, scan, scan_identifier
from resources.guard.masking import MASK_CHAR


def _key(value: str) -> str:
    return re.sub(r"\W", "", value).casefold()


def _strings(value: Any) -> list[str]:
    """Every string in a revision's content, reading JSON-encoded fields (a StreamField body) too."""
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, str):
        decoded = _decoded(value)
        return _strings(decoded) if decoded is not None else [value]
    return []


def _decoded(value: str) -> Any:
    if value[:1] not in "[{":
        return None
    try:
        return json.loads(value)
    except ValueError:
        return None


def _findings(text: str) -> list[Any]:
    # Slugs, titles and source ids are read as the editor's guard reads them; long text spelt out once.
    return scan_identifier(text) if len(text) <= 255 else scan(identifier_text(text))


def _high_values(text: str) -> set[str]:
    return {_key(text[f.start : f.end]) for f in _findings(text) if f.confidence == HIGH}


# Wagtail stores a revision before it updates the page's draft title, so a revision's
# "draft_title" is the title before that edit: not something the newest revision holds.
_STALE_KEYS = {"draft_title"}


def held_values(content: Any) -> set[str]:
    """The must-remove values (normalised) anywhere in one revision's content."""
    if isinstance(content, dict):
        content = {key: value for key, value in content.items() if key not in _STALE_KEYS}
    return {value for text in _strings(content) for value in _high_values(text)}


def _redacted_text(text: str, removed: set[str]) -> str:
    chars = list(text)
    for finding in _findings(text):
        if finding.confidence == HIGH and _key(text[finding.start : finding.end]) in removed:
            for i in range(finding.start, finding.end):
                if chars[i].isalnum():
                    chars[i] = MASK_CHAR
    return "".join(chars)


def _redacted(value: Any, removed: set[str]) -> Any:
    if isinstance(value, dict):
        return {key: _redacted(item, removed) for key, item in value.items()}
    if isinstance(value, list):
        return [_redacted(item, removed) for item in value]
    if isinstance(value, str):
        decoded = _decoded(value)
        if decoded is not None:
            redacted = _redacted(decoded, removed)
            # Re-encoded only when something changed, so untouched fields stay byte for byte as stored.
            return value if redacted == decoded else json.dumps(redacted, cls=DjangoJSONEncoder)
        return _redacted_text(value, removed)
    return value


def redact_removed_personal_data(latest: Revision) -> int:
    """Star out, in every revision of ``latest``'s page, must-remove values it no longer holds.

    Compares the newest revision with every earlier one, not only the one before it: a value
    removed in a save whose redaction never ran (a revision saved outside the editor, a task
    lost) is still held by older revisions, and the next save catches it. Returns how many
    revisions were rewritten.
    """
    revisions = Revision.objects.filter(base_content_type_id=latest.base_content_type_id, object_id=latest.object_id)
    kept = held_values(latest.content)
    held = {
        revision.pk: held_values(revision.content) | _high_values(revision.object_str)
        for revision in revisions.exclude(pk=latest.pk).only("pk", "content", "object_str")
    }
    removed = set().union(*held.values()) - kept if held else set()
    if not removed:
        return 0
    changed = 0
    for revision in revisions.only("pk", "content", "object_str"):  # the newest too: its stale draft title
        if revision.pk != latest.pk and not held[revision.pk] & removed:
            continue
        content = _redacted(revision.content, removed)
        object_str = _redacted_text(revision.object_str, removed)
        if content != revision.content or object_str != revision.object_str:
            Revision.objects.filter(pk=revision.pk).update(content=content, object_str=object_str)
            changed += 1
    _redact_log_entries(latest.object_id, removed)
    return changed


def _redact_log_entries(page_id: str, removed: set[str]) -> None:
    """The page history lists each action with the title the page had then: star those out too."""
    from wagtail.models import PageLogEntry

    for entry in PageLogEntry.objects.filter(page_id=page_id).only("pk", "label", "data"):
        label, data = _redacted_text(entry.label, removed), _redacted(entry.data, removed)
        if (label, data) != (entry.label, entry.data):
            PageLogEntry.objects.filter(pk=entry.pk).update(label=label, data=data)
