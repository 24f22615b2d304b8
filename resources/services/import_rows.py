"""Reading and validating a bulk-import file. Nothing here writes to the database.

Every row is checked before anything is written, so one bad row means no changes at all.
"""

import datetime
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone

from resources.enums import AUDIENCES, CP_STAGES, SOS_ELEMENTS, ResourceType
from resources.guard import redact
from resources.models import BoroughPage, ResourcePage
from resources.services.attachment_files import attachment_problem
from resources.services.import_guard import guard_row

REQUIRED = ("source_id", "borough", "title", "type", "summary")
KNOWN_FIELDS = {
    *REQUIRED,
    "body",
    "tags",
    "cp_stages",
    "sos_elements",
    "audiences",
    "published",
    "review_due",
    "attachments",
    "contact_name",
    "contact_email",
    "version",
    "related",
    "members_only",
}
VOCABULARIES = {
    "cp_stages": [slug for slug, _, _ in CP_STAGES],
    "sos_elements": [slug for slug, _, _ in SOS_ELEMENTS],
    "audiences": [slug for slug, _, _ in AUDIENCES],
}
MAX_LENGTHS = {
    "source_id": 100,
    "title": 255,
    "summary": 400,
    "contact_name": 150,
    "contact_email": 254,
    "version": 20,
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is one line for the person importing."""


@dataclass
class ImportRow:
    number: int
    source_id: str
    borough: BoroughPage
    title: str
    resource_type: str
    summary: str
    body: str = ""
    tags: list[str] = field(default_factory=list)
    cp_stages: list[str] = field(default_factory=list)
    sos_elements: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    published: datetime.date | None = None
    review_due: datetime.date | None = None
    attachments: list[Path] = field(default_factory=list)
    contact_name: str = ""
    contact_email: str = ""
    version: str = ""
    related: list[tuple[str, str]] = field(default_factory=list)
    members_only: bool = False

    @property
    def key(self) -> tuple[int, str]:
        return (self.borough.pk, self.source_id)


def read_import_file(path: Path) -> list[Any]:
    """Parse the file and return its list of resource items, or raise ImportFileError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ImportFileError(f"{path}: no such file") from None
    except UnicodeDecodeError as error:
        raise ImportFileError(f"{path}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise ImportFileError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"{path}: not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("resources"), list):
        raise ImportFileError(f'{path}: expected an object with a "resources" list, as in {{"resources": [...]}}')
    return data["resources"]


class RowValidator:
    """Validates items one at a time, remembering what it has seen to catch duplicates."""

    def __init__(self, base_dir: Path) -> None:
        self.base_dir = base_dir
        self.publishers = _publisher_lookup()
        self.seen: set[tuple[int, str]] = set()
        self.problems: list[str] = []
        self.warnings: list[str] = []

    def validate(self, number: int, item: Any) -> ImportRow | None:
        errors: list[str] = []
        if not isinstance(item, dict):
            self.problems.append(f"row {number}: expected an object, got {type(item).__name__}")
            return None
        # Masked: a source id (like a file name) may itself carry what the guard looks for.
        label = f"row {number}" + (
            f" (source_id {redact(item['source_id'])})" if isinstance(item.get("source_id"), str) else ""
        )
        errors += [f"unknown field '{name}'" for name in sorted(set(item) - KNOWN_FIELDS)]
        values = {name: self._text(item, name, errors) for name in (*REQUIRED, "body", "contact_name", "version")}
        borough = self._borough(values["borough"], errors)
        if values["type"] and values["type"] not in ResourceType.values:
            errors.append(f"type: '{values['type']}' is not one of {', '.join(ResourceType.values)}")
        lists = {
            name: self._string_list(item, name, errors) for name in ("tags", *VOCABULARIES, "attachments", "related")
        }
        for name, allowed in VOCABULARIES.items():
            errors += [
                f"{name}: '{slug}' is not one of {', '.join(allowed)}" for slug in lists[name] if slug not in allowed
            ]
        errors += [f"tags: '{tag[:40]}' is longer than 100 characters" for tag in lists["tags"] if len(tag) > 100]
        published = self._date(item, "published", errors)
        review_due = self._date(item, "review_due", errors)
        if published and review_due and review_due < published:
            errors.append("review_due: is before published")
        email = self._text(item, "contact_email", errors)
        if email:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(f"contact_email: '{redact(email)}' is not an email address")
        members_only = item.get("members_only", False)
        if not isinstance(members_only, bool):
            errors.append("members_only: must be true or false")
        attachments = self._attachments(lists["attachments"], errors)
        related = self._related(lists["related"], errors)
        if borough and values["source_id"]:
            key = (borough.pk, values["source_id"])
            if key in self.seen:
                errors.append(f"source_id: '{redact(values['source_id'])}' appears more than once for {borough.title}")
            self.seen.add(key)
        if not errors:
            guarded = {name: values[name] for name in ("title", "summary", "body", "contact_name", "version")}
            guarded["contact_email"] = email
            guarded["source_id"] = values["source_id"]
            found, warnings = guard_row(guarded, lists["tags"], attachments)
            errors += found
            self.warnings += [f"{label}: {warning}" for warning in warnings]
        if errors:
            self.problems += [f"{label}: {error}" for error in errors]
            return None
        return ImportRow(
            number=number,
            source_id=values["source_id"],
            borough=borough,
            title=values["title"],
            resource_type=values["type"],
            summary=values["summary"],
            body=values["body"],
            tags=_unique(lists["tags"]),
            cp_stages=_unique(lists["cp_stages"]),
            sos_elements=_unique(lists["sos_elements"]),
            audiences=_unique(lists["audiences"]),
            published=published,
            review_due=review_due,
            attachments=attachments,
            contact_name=values["contact_name"],
            contact_email=email,
            version=values["version"],
            related=related,
            members_only=members_only,
        )

    def check_review_dates(self, rows: list[ImportRow]) -> None:
        """A review date given without a publication date must not precede the date that will be used:
        the resource's existing one, or today for a new resource."""
        undated = [row for row in rows if row.review_due and not row.published]
        if not undated:
            return
        existing = {
            (borough_id, source_id): published
            for borough_id, source_id, published in ResourcePage.objects.filter(
                source_id__in={row.source_id for row in undated}
            ).values_list("borough_id", "source_id", "published_date")
        }
        today = timezone.localdate()
        for row in undated:
            published = existing.get(row.key, today)
            if row.review_due < published:
                self.problems.append(
                    f"row {row.number} (source_id {row.source_id}): review_due: is before the publication date "
                    f"({published.isoformat()}); give 'published' as well"
                )

    def check_related(self, rows: list[ImportRow]) -> None:
        """Every `related` reference must name a row in this file or a resource already imported."""
        in_file = {(row.borough.slug, row.source_id) for row in rows}
        wanted = {ref for row in rows for ref in row.related} - in_file
        existing = (
            set(
                ResourcePage.objects.filter(source_id__in={source for _, source in wanted}).values_list(
                    "borough__slug", "source_id"
                )
            )
            if wanted
            else set()
        )
        for row in rows:
            for ref in row.related:
                if ref not in in_file and ref not in existing:
                    self.problems.append(
                        f"row {row.number} (source_id {row.source_id}): related: '{ref[0]}/{ref[1]}' "
                        "is neither in this file nor already on the exchange"
                    )

    def _text(self, item: dict, name: str, errors: list[str]) -> str:
        value = item.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if name in REQUIRED:
                errors.append(f"{name}: is required")
            return ""
        if not isinstance(value, str):
            errors.append(f"{name}: must be text, not {type(value).__name__}")
            return ""
        value = value.strip()
        limit = MAX_LENGTHS.get(name)
        if limit and len(value) > limit:
            errors.append(f"{name}: is {len(value)} characters long; at most {limit} are allowed")
        if "\x00" in value:
            errors.append(f"{name}: contains a NUL character")
        return value

    def _borough(self, value: str, errors: list[str]) -> BoroughPage | None:
        if not value:
            return None
        borough = self.publishers.get(value.casefold())
        if borough is None:
            errors.append(f"borough: '{value}' is not a London borough, the City of London or a pan-London publisher")
        return borough

    def _string_list(self, item: dict, name: str, errors: list[str]) -> list[str]:
        value = item.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            errors.append(f"{name}: must be a list of text values")
            return []
        return [v.strip() for v in value if v.strip()]

    def _date(self, item: dict, name: str, errors: list[str]) -> datetime.date | None:
        value = item.get(name)
        if value in (None, ""):
            return None
        # fromisoformat also accepts 20240101 and 2024-W01-1; the format promises YYYY-MM-DD only.
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        errors.append(f"{name}: '{value}' is not a date in the form YYYY-MM-DD")
        return None

    def _attachments(self, names: list[str], errors: list[str]) -> list[Path]:
        paths = []
        for name in names:
            path = self.base_dir / name
            problem = attachment_problem(path, self.base_dir)
            if problem:
                errors.append(f"attachments: '{redact(name)}' {problem}")
            else:
                paths.append(path.resolve())
        return paths

    def _related(self, refs: list[str], errors: list[str]) -> list[tuple[str, str]]:
        parsed = []
        for ref in refs:
            borough_slug, _, source_id = ref.partition("/")
            borough = self.publishers.get(borough_slug.casefold())
            if not borough or not source_id:
                errors.append(f"related: '{ref}' should be '<borough-slug>/<source_id>'")
            else:
                parsed.append((borough.slug, source_id))
        return parsed


def _unique(values: list[str]) -> list[str]:
    """Drop repeats (case-insensitively), keeping the first spelling and the order."""
    seen: set[str] = set()
    return [v for v in values if not (v.casefold() in seen or seen.add(v.casefold()))]


def _publisher_lookup() -> dict[str, BoroughPage]:
    """Every publisher under its name, slug and GSS code, case-folded: one query for the whole file."""
    lookup: dict[str, BoroughPage] = {}
    for publisher in BoroughPage.objects.all():
        for key in (publisher.title, publisher.slug, publisher.gss_code):
            if key:
                lookup[key.casefold()] = publisher
    return lookup
