"""Failed background tasks are recorded by the worker and retried only where that is safe."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from background.policy import MAX_ATTEMPTS, RETRY_SAFE_TASKS
from background.services import retry_failed_tasks
from notifications.services import queue_email

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def database_queue(settings):
    # django-tasks forgets its backends when TASKS changes (its setting_changed receiver).
    settings.TASKS = DATABASE_QUEUE


def run_worker() -> None:
    """The real db_worker loop, in this process, until the queue is empty."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def failing_extraction(monkeypatch, failures: int) -> list[int]:
    calls: list[int] = []

    def extract(document):
        calls.append(document.pk)
        if len(calls) <= failures:
            raise OSError("storage briefly unreachable")

    monkeypatch.setattr("resources.services.extraction.extract_document_text", extract)
    return calls


@pytest.fixture
def document(db):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    doc = get_document_model()(title="Strategy discussion record")
    doc.file.save("record.txt", ContentFile(b"A record template."), save=False)
    doc.save()
    return doc


def test_every_retry_safe_path_names_a_real_task():
    from django.utils.module_loading import import_string
    from django_tasks.base import Task

    for path in RETRY_SAFE_TASKS:
        assert isinstance(import_string(path), Task), path


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_task_that_raises_is_recorded_then_retried_and_succeeds(database_queue, document, monkeypatch):
    from resources.tasks import extract_document_text_task

    DBTaskResult.objects.all().delete()
    calls = failing_extraction(monkeypatch, failures=1)
    extract_document_text_task.enqueue(document.pk)
    run_worker()

    failed = DBTaskResult.objects.get()
    assert failed.status == TaskResultStatus.FAILED
    assert failed.exception_class_path == "builtins.OSError"
    assert "storage briefly unreachable" in failed.traceback

    report = retry_failed_tasks()
    assert (report.retried, report.gave_up) == (1, 0)
    retry = DBTaskResult.objects.exclude(pk=failed.pk).get()
    assert retry.run_after > timezone.now()  # a back-off, not an immediate hammering
    # The same failure is never queued twice.
    assert retry_failed_tasks().retried == 0

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    retry.refresh_from_db()
    assert retry.status == TaskResultStatus.SUCCESSFUL
    assert calls == [document.pk, document.pk]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_task_that_keeps_failing_stops_after_the_last_attempt(database_queue, document, monkeypatch):
    from resources.tasks import extract_document_text_task

    DBTaskResult.objects.all().delete()
    calls = failing_extraction(monkeypatch, failures=100)
    extract_document_text_task.enqueue(document.pk)
    for _ in range(MAX_ATTEMPTS + 2):
        run_worker()
        retry_failed_tasks()
        DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())
    assert len(calls) == MAX_ATTEMPTS
    assert DBTaskResult.objects.failed().count() == MAX_ATTEMPTS
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sending_email_is_not_retried_by_the_queue_the_outbox_does_it(database_queue, settings):
    """An email task is left to the outbox's own retry, which never sends twice."""
    DBTaskResult.objects.all().delete()
    settings.OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    queue_email("lead@borough.example", "Your booking", "Body")
    row = DBTaskResult.objects.get()
    DBTaskResult.objects.filter(pk=row.pk).update(status=TaskResultStatus.FAILED, finished_at=timezone.now())
    assert retry_failed_tasks().retried == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_task_whose_worker_died_is_recovered_and_retried(database_queue, document):
    from resources.tasks import extract_document_text_task

    DBTaskResult.objects.all().delete()
    extract_document_text_task.enqueue(document.pk)
    long_ago = timezone.now() - datetime.timedelta(hours=2)
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING, started_at=long_ago)

    report = retry_failed_tasks()
    assert (report.abandoned, report.retried) == (1, 1)
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_task_still_running_recently_is_left_alone(database_queue, document):
    from resources.tasks import extract_document_text_task

    DBTaskResult.objects.all().delete()
    extract_document_text_task.enqueue(document.pk)
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING, started_at=timezone.now())
    assert retry_failed_tasks().abandoned == 0


@pytest.mark.django_db
def test_the_command_reports_what_it_did(capsys):
    call_command("retry_failed_tasks")
    assert "0 queued again" in capsys.readouterr().out
