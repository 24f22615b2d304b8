"""make backup / make restore: pages, revisions, documents (with their files), bookings, tags and users come back
identical, compared row by row (every column), not by counts.

Runs on whichever database the suite uses: SQLite (backup API) in `make test`, PostgreSQL
(pg_dump / pg_restore) in CI's second stage.
"""

import hashlib
import io
import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from events.models import Booking
from events.services.bookings import BookingDetails, book_place, cancel_booking
from notifications.models import OutboundEmail
from resources.models import ResourcePageTag
from tests.factories import DocumentFactory, EventPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
Document = get_document_model()


def rows(model) -> list[tuple]:
    """Every column of every row, in primary-key order (timestamps, tokens and all)."""
    names = [field.attname for field in model._meta.concrete_fields]
    return [tuple(str(value) for value in row) for row in model.objects.order_by("pk").values_list(*names)]


def snapshot(media_root: Path) -> dict:
    return {
        "pages": sorted(Page.objects.values_list("pk", "title", "path", "live", "latest_revision_id")),
        "revisions": sorted(
            (pk, object_id, json.dumps(content, sort_keys=True, default=str))
            for pk, object_id, content in Revision.objects.values_list("pk", "object_id", "content")
        ),
        "documents": sorted(Document.objects.values_list("pk", "title", "file", "file_hash", "collection_id")),
        "tags": sorted(Tag.objects.values_list("pk", "name", "slug")),
        "tagged": sorted(ResourcePageTag.objects.values_list("pk", "tag_id", "content_object_id")),
        "bookings": rows(Booking),
        "emails": rows(OutboundEmail),
        "users": sorted(get_user_model().objects.values_list("pk", "username", "password", "is_active")),
        "media": {
            str(p.relative_to(media_root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(media_root.rglob("*"))
            if p.is_file()
        },
    }


def backup_folder(target: Path) -> Path:
    out = io.StringIO()
    call_command("backup", to=target, stdout=out)
    assert "Backed up" in out.getvalue()
    (folder,) = target.glob("backup-*")
    return folder


def test_round_trip_restores_everything_as_it_was(settings, tmp_path):
    media = Path(settings.MEDIA_ROOT)
    get_user_model().objects.create_user("synthetic-lead", password="a-long-test-password")
    resource = ResourcePageFactory(title="Strategy discussion checklist", tags=["s47", "strategy meetings"])
    resource.save_revision().publish()
    document = DocumentFactory(title="Checklist", file=ContentFile(b"%PDF-1.4\n% checklist\n", name="checklist.pdf"))
    event = EventPageFactory(title="Strategy meetings practice day", capacity=1)
    for n in range(3):
        book_place(event, BookingDetails(f"Test attendee {n}", f"attendee-{n}@example.org", "Camden", "Social worker"))
    before = snapshot(media)
    assert before["media"] and before["tags"] and before["tagged"] and before["revisions"]
    assert len(before["bookings"]) == 3 and before["emails"]

    folder = backup_folder(tmp_path / "backups")

    # Everything changes after the backup: a document and its file go, a tag is renamed,
    # the page is unpublished and edited, a user is deactivated, a stray file appears.
    document.file.delete(save=False)
    document.delete()
    Tag.objects.filter(slug="s47").update(name="section 47")
    resource.refresh_from_db()
    resource.title = "Edited after the backup"
    resource.save_revision()
    resource.unpublish()
    get_user_model().objects.filter(username="synthetic-lead").update(is_active=False)
    cancel_booking(Booking.objects.order_by("pk").first())  # promotes the next one, emails both
    Booking.objects.filter(email="attendee-2@example.org").delete()
    (media / "stray.txt").write_text("not in the backup")
    assert snapshot(media) != before

    call_command("restore", str(folder), yes=True, stdout=io.StringIO())
    assert snapshot(media) == before


def test_restore_refuses_a_damaged_backup_and_changes_nothing(settings, tmp_path):
    DocumentFactory(title="Checklist", file=ContentFile(b"%PDF-1.4\n% checklist\n", name="checklist.pdf"))
    folder = backup_folder(tmp_path / "backups")
    with (folder / "media.tar.gz").open("ab") as handle:
        handle.write(b"tampered")
    DocumentFactory(title="Made after the backup")
    before = snapshot(Path(settings.MEDIA_ROOT))
    with pytest.raises(CommandError, match=r"media\.tar\.gz is missing or damaged"):
        call_command("restore", str(folder), yes=True, stdout=io.StringIO())
    assert snapshot(Path(settings.MEDIA_ROOT)) == before


def test_restore_needs_confirmation(tmp_path):
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path), stdout=io.StringIO())
