"""Keep a resource's denormalised `borough` equal to its parent page when it moves, queue
text extraction when a document's file is new or replaced, and queue the redaction of
personal data from earlier revisions when a resource's revision is saved."""

from typing import Any

from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.models import Revision
from wagtail.signals import page_published, post_page_move

from indexing.updates import update_object, updates_paused
from resources.models import BoroughPage, PublisherAccess, ResourcePage
from resources.services.role_groups import sync_publisher_access
from resources.tasks import extract_document_text_task, redact_revisions_task


@receiver(post_page_move)
def update_borough_after_move(sender: type, instance: Any, parent_page_after: Any, **kwargs: Any) -> None:
    if not issubclass(sender, ResourcePage):
        return
    borough_id = parent_page_after.pk if isinstance(parent_page_after.specific, BoroughPage) else None
    ResourcePage.objects.filter(pk=instance.pk).update(borough_id=borough_id)


# --- Attachment text extraction -------------------------------------------------------------
# A new or replaced file queues text extraction for after the transaction commits, so the task
# (possibly in another process) reads the committed row and file. Other saves (title, tags,
# Wagtail back-filling file_size or file_hash) leave the extracted text as it is.

DocumentModel = get_document_model()
_FILE_FIELDS = {"file", "file_hash"}


@receiver(pre_save, sender=DocumentModel)
def remember_previous_file(sender: type, instance: Any, raw: bool, update_fields: Any, **kwargs: Any) -> None:
    if raw or instance._state.adding or instance.pk is None:
        return
    if update_fields is not None and not _FILE_FIELDS & set(update_fields):
        return
    instance._previous_file = sender._default_manager.filter(pk=instance.pk).values_list("file", "file_hash").first()


@receiver(post_save, sender=DocumentModel)
def queue_text_extraction(sender: type, instance: Any, created: bool, raw: bool, **kwargs: Any) -> None:
    previous = instance.__dict__.pop("_previous_file", None)
    already_read = instance.__dict__.pop("_text_extracted", False)  # the bulk import's check read it
    if raw or already_read or not (created or _file_replaced(instance, previous)):
        return
    document_id = instance.pk
    # robust: a queue that is down must not turn the editor's successful save into an error.
    transaction.on_commit(lambda: extract_document_text_task.enqueue(document_id), robust=True)


@receiver(post_save, sender=Revision)
def queue_revision_redaction(sender: type, instance: Revision, raw: bool, **kwargs: Any) -> None:
    """Every save of a resource's draft, autosave included: earlier revisions may hold what was removed."""
    if raw or ContentType.objects.get_for_id(instance.content_type_id).model_class() is not ResourcePage:
        return
    revision_id = instance.pk
    transaction.on_commit(lambda: redact_revisions_task.enqueue(revision_id), robust=True)


def _file_replaced(instance: Any, previous: tuple[str, str] | None) -> bool:
    if previous is None:
        return False
    previous_name, previous_hash = previous
    # A hash going from blank to set is Wagtail filling it in for the same file, not a new file.
    return instance.file.name != previous_name or bool(previous_hash and instance.file_hash != previous_hash)


@receiver(page_published, sender=ResourcePage)
def reindex_after_publish(sender: type, instance: ResourcePage, **kwargs: Any) -> None:
    """Index the published resource again now its attachments are saved: the index update that
    the page's own save triggered ran before the attachment rows existed."""
    if not updates_paused():  # a bulk import indexes each page once, at the end
        update_object(instance)


# --- Roles ----------------------------------------------------------------------------------
# A new publisher gets its leads group and collection at once; changing a publisher's trust
# grants or withdraws its leads' publish permission.


@receiver(post_save, sender=BoroughPage)
def give_new_publisher_its_leads(sender: type, instance: BoroughPage, created: bool, raw: bool, **kwargs: Any) -> None:
    if created and not raw:
        sync_publisher_access(django_apps, [instance.pk])


@receiver(post_save, sender=PublisherAccess)
def apply_publisher_trust(sender: type, instance: PublisherAccess, created: bool, raw: bool, **kwargs: Any) -> None:
    if not created and not raw:
        sync_publisher_access(django_apps, [instance.publisher_id])
