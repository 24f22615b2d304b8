"""Bulk import of resources from a publisher's JSON file (see README, "Bulk import").

All rows are validated first; with any problem nothing is written. Valid files are
written in one transaction: new resources are created, changed ones get a new revision,
unchanged ones are left alone, so importing the same file twice changes nothing.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction

from core.progress import Progress, no_progress
from indexing.updates import paused_updates, refresh_objects
from resources.models import (
    Audience,
    BoroughPage,
    CPStage,
    RelatedResource,
    ResourceAttachment,
    ResourcePage,
    SoSElement,
)
from resources.models.resource import default_review_due
from resources.services.body_text import comparable, text_to_blocks
from resources.services.bounded_extraction import remembered
from resources.services.import_rows import ImportRow, RowValidator, read_import_file
from resources.services.visibility import set_members_only
from uploads.services import stored_bytes


@dataclass
class ImportReport:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


class _DryRunRollback(Exception):
    """Raised inside the transaction to undo a dry run's writes."""


def import_resources(
    path: Path, *, dry_run: bool = False, draft: bool = False, progress: Progress = no_progress
) -> ImportReport:
    """Validate and import the file at `path`. Raises ImportFileError when the file cannot be read.

    A dry run does all the work inside a transaction and rolls it back, so what it reports
    is exactly what a real run would do.
    """
    items = read_import_file(path)
    validator = RowValidator(path.parent)
    rows = [
        row
        for number, item in enumerate(progress(items, "Checking", len(items)), start=1)
        if (row := validator.validate(number, item))
    ]
    validator.check_related(rows)
    validator.check_review_dates(rows)
    report = ImportReport(problems=validator.problems, warnings=validator.warnings, dry_run=dry_run)
    if not report.ok:
        return report
    writer = _Writer(rows, commit=not dry_run)
    try:
        # Creating and publishing a page saves it three times; index each page once, at the end.
        with paused_updates(), transaction.atomic():
            touched = _write(writer, rows, draft, report, progress)
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        return report
    except BaseException:
        writer.discard_stored_files()  # the transaction rolled back; files on disk do not
        raise
    pages = ResourcePage.objects.filter(pk__in=touched)
    with transaction.atomic():  # one commit, not one per index entry
        refresh_objects(writer.stored_documents)
        refresh_objects(progress(pages.iterator(), "Indexing", len(touched)))
    return report


def _write(writer: "_Writer", rows: list[ImportRow], draft: bool, report: ImportReport, progress: Progress) -> set[int]:
    """Write every row; returns the ids of pages created or changed."""
    outcomes = {}
    for row in progress(rows, "Importing", len(rows)):
        outcomes[row.key] = writer.write(row, draft)
    for row in rows:
        if writer.link_related(row, draft) and outcomes[row.key] == "unchanged":
            outcomes[row.key] = "updated"
        if writer.apply_visibility(row) and outcomes[row.key] == "unchanged":
            outcomes[row.key] = "updated"
    for row in rows:
        getattr(report, outcomes[row.key]).append(f"{row.borough.slug}/{row.source_id}")
    return {writer.pages[row.key].pk for row in rows if outcomes[row.key] != "unchanged" and row.key in writer.pages}


class _Writer:
    """Writes rows; with commit=False it works out each outcome without saving pages or files."""

    def __init__(self, rows: list[ImportRow], commit: bool = True) -> None:
        self.commit = commit
        keys = {(row.borough.pk, row.source_id) for row in rows}
        existing = ResourcePage.objects.filter(
            borough__in={row.borough.pk for row in rows}, source_id__in={key[1] for key in keys}
        )
        self.pages: dict[tuple[int, str], ResourcePage] = {
            (page.borough_id, page.source_id): page for page in existing if (page.borough_id, page.source_id) in keys
        }
        self.terms = {
            "cp_stages": {t.slug: t for t in CPStage.objects.all()},
            "sos_elements": {t.slug: t for t in SoSElement.objects.all()},
            "audiences": {t.slug: t for t in Audience.objects.all()},
        }
        self.collections: dict[int, Collection | None] = {}
        self.borough_ids = {row.borough.slug: row.borough.pk for row in rows}
        self._refs: dict[tuple[str, str], ResourcePage] | None = None
        self.tag_cache: dict[str, Tag] = {}
        self.stored_files: list[Any] = []
        self.stored_documents: list[Any] = []
        self.pages_with_related = set(
            RelatedResource.objects.filter(page__in=[p.pk for p in self.pages.values()]).values_list(
                "page_id", flat=True
            )
        )

    def write(self, row: ImportRow, draft: bool) -> str:
        """Create or update one resource; returns 'created', 'updated' or 'unchanged'."""
        existing = self.pages.get(row.key)
        if existing is None:
            if self.commit:
                page = ResourcePage(live=False, slug=_free_slug(row.borough, row.title))
                self._apply(page, row)
                row.borough.add_child(instance=page)
                self.pages[row.key] = page
                self._save(page, draft)
            return "created"
        page = existing.get_latest_revision_as_object()
        before = _snapshot(page)
        self._apply(page, row)
        needs_publish = not draft and (not existing.live or existing.has_unpublished_changes)
        if _snapshot(page) == before and not needs_publish:
            return "unchanged"
        if self.commit:
            self._save(page, draft)
        return "updated"

    def link_related(self, row: ImportRow, draft: bool) -> bool:
        """Second pass, since rows may point at resources created later in the file. True if changed."""
        if row.key not in self.pages:  # a dry run's new row: nothing to compare with
            return False
        if not row.related and self.pages[row.key].pk not in self.pages_with_related:
            return False  # nothing wanted, nothing there: skip loading the revision
        page = self.pages[row.key].get_latest_revision_as_object()
        wanted = [self._find(ref) for ref in row.related]
        if [r.resource_id for r in page.related_resources.all()] == [p.pk if p else None for p in wanted]:
            return False
        if self.commit:
            page.related_resources = [RelatedResource(resource=target) for target in wanted]
            self._save(page, draft)
        return True

    def apply_visibility(self, row: ImportRow) -> bool:
        """Restrict the resource to network members, or lift that, as the row says. True if changed."""
        page = self.pages.get(row.key)
        if page is None or page.pk is None:
            return row.members_only  # a dry run's new row
        if not self.commit:
            return PageViewRestriction.objects.filter(page=page).exists() != row.members_only
        return set_members_only(page, row.members_only)

    def _find(self, ref: tuple[str, str]) -> ResourcePage | None:
        slugs = {borough_id: slug for slug, borough_id in self.borough_ids.items()}
        if self._refs is None:
            self._refs = {(slugs[b], source): page for (b, source), page in self.pages.items()}
        return self._refs.get(ref) or ResourcePage.objects.filter(borough__slug=ref[0], source_id=ref[1]).first()

    def _apply(self, page: ResourcePage, row: ImportRow) -> None:
        page.title = row.title
        page.draft_title = row.title
        page.source_id = row.source_id
        page.summary = row.summary
        page.resource_type = row.resource_type
        page.body = text_to_blocks(row.body)
        page.published_date = row.published or page.published_date
        page.review_due = row.review_due or default_review_due(page.published_date)
        page.contact_name = row.contact_name
        page.contact_email = row.contact_email
        page.version = row.version
        page.tags.set([self._tag(name) for name in row.tags])
        for name, terms in self.terms.items():
            getattr(page, name).set([terms[slug] for slug in getattr(row, name)])
        page.attachments = [ResourceAttachment(document=self._document(row, path)) for path in row.attachments]

    def _tag(self, name: str) -> Tag:
        """The tag with this name in any case, created on first use; cached for the whole file.

        taggit would otherwise look each name up again for every row that uses it.
        """
        key = name.casefold()
        if key not in self.tag_cache:
            found = Tag.objects.filter(name__iexact=name).order_by("pk").first()
            self.tag_cache[key] = found or Tag.objects.create(name=name)
        return self.tag_cache[key]

    def _document(self, row: ImportRow, path: Path) -> Any:
        """The borough's document with this file's content, stored once however often it is imported."""
        document_model = get_document_model()
        # UTF-8 with formula-like cells made text, as for an upload in the admin
        content = stored_bytes(path.read_bytes(), path.name)
        file_hash = hashlib.sha1(content).hexdigest()  # noqa: S324 - Wagtail's own file_hash is SHA-1
        collection = self._collection(row.borough)
        document = document_model.objects.filter(collection=collection, file_hash=file_hash).first()
        if document or not self.commit:
            return document or document_model(title=_document_title(path))
        document = document_model(title=_document_title(path), collection=collection)
        document.file.save(path.name, ContentFile(content), save=False)
        self.stored_files.append(document.file)
        self.stored_documents.append(document)
        document.file_size = len(content)
        document.file_hash = file_hash
        _store_guard_reading(document, file_hash)
        document.save()
        return document

    def discard_stored_files(self) -> None:
        """Delete files this import stored, after its transaction was rolled back."""
        for stored in self.stored_files:
            stored.storage.delete(stored.name)

    def _collection(self, borough: BoroughPage) -> Collection | None:
        """Each publisher's documents live in a collection named after it (created on first use)."""
        if borough.pk not in self.collections:
            root = Collection.get_first_root_node()
            found = root.get_children().filter(name=borough.title).first()
            if not found and self.commit:
                found = root.add_child(name=borough.title)
            self.collections[borough.pk] = found
        return self.collections[borough.pk]

    @staticmethod
    def _save(page: ResourcePage, draft: bool) -> None:
        # Rows were validated up front, so the model's full_clean (a third of the cost per row) is skipped.
        revision = page.save_revision(log_action=True, clean=False)
        if not draft:
            revision.publish()


def _snapshot(page: ResourcePage) -> dict[str, Any]:
    """What the import controls, in comparable form."""
    return {
        "title": page.title,
        "summary": page.summary,
        "type": page.resource_type,
        "body": comparable(list(page.body.raw_data)),
        "tags": sorted(tag.name for tag in page.tags.all()),
        "cp_stages": sorted(t.slug for t in page.cp_stages.all()),
        "sos_elements": sorted(t.slug for t in page.sos_elements.all()),
        "audiences": sorted(t.slug for t in page.audiences.all()),
        "dates": (page.published_date, page.review_due),
        "contact": (page.contact_name, page.contact_email, page.version),
        "attachments": [a.document_id for a in page.attachments.all()],
    }


def _free_slug(borough: BoroughPage, title: str) -> str:
    """A slug not yet used under this borough: the title's, then -2, -3 …"""
    base = slugify(title)[:200] or "resource"
    taken = set(borough.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _document_title(path: Path) -> str:
    return path.stem.replace("-", " ").replace("_", " ").strip().capitalize() or path.name


def _store_guard_reading(document: Any, file_hash: str) -> None:
    """The personal-data check read this file a moment ago: keep that text on the document and tell
    resources.signals not to queue the same extraction again."""
    result = remembered(file_hash)
    if result is None:
        return
    document.extracted_text = result.text
    document.extraction_error = result.error[:255]
    document.page_count = result.page_count
    document.metadata = result.metadata
    document._text_extracted = True
