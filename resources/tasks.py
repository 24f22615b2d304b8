"""Background tasks for resources: work an editor should not wait for when they save."""

from django_tasks import task
from wagtail.documents import get_document_model

from resources.services.revision_redaction import redact_removed_personal_data


@task()
def extract_document_text_task(document_id: int) -> None:
    """Extract and index a document's text; queued by resources.signals when its file changes.

    Takes the id, not the document, because task arguments must serialise to JSON. A document
    deleted before the task runs needs nothing doing, so that is not an error.
    """
    # Imported here: the PDF and DOCX readers (pypdf, python-docx, lxml) hold tens of megabytes, and
    # every web worker loads this module (resources.signals queues the task) though few ever extract.
    from resources.services.extraction import extract_document_text

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return
    extract_document_text(document)


@task()
def redact_revisions_task(revision_id: int) -> None:
    """Star out of a resource's earlier revisions the personal data its newest revision no longer holds."""
    from wagtail.models import Revision

    revision = Revision.objects.filter(pk=revision_id).first()
    if revision is not None:  # a revision deleted before the task ran needs nothing doing
        redact_removed_personal_data(revision)
