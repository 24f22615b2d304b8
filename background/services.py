"""Retrying failed background tasks and recovering ones whose worker died.

django-tasks-db records every failure (exception and traceback on the task's row) but never
runs a task again by itself. `retry_failed_tasks`, run on a timer, gives the retry-safe ones
(background.policy) a bounded number of further attempts with a back-off.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from background.models import TaskRetry
from background.policy import ABANDONED_AFTER, BACKOFF, MAX_ATTEMPTS, RETRY_SAFE_TASKS


@dataclass
class RetryReport:
    retried: int = 0
    gave_up: int = 0
    abandoned: int = 0


def _attempt(row: DBTaskResult) -> int:
    """Which attempt this failed row was: one more than the failure it retried, else the first."""
    earlier = TaskRetry.objects.filter(retried_as_id=row.pk).values_list("attempt", flat=True).first()
    return (earlier or 0) + 1


def _requeue(row: DBTaskResult, attempt: int, now: datetime.datetime) -> DBTaskResult:
    wait = BACKOFF[min(attempt - 2, len(BACKOFF) - 1)]
    return DBTaskResult.objects.create(
        args_kwargs=row.args_kwargs,
        priority=row.priority,
        task_path=row.task_path,
        queue_name=row.queue_name,
        backend_name=row.backend_name,
        run_after=now + wait,
    )


def recover_abandoned(now: datetime.datetime | None = None) -> int:
    """Mark tasks whose worker died mid-run as failed, so the retry rule below applies to them."""
    now = now or timezone.now()
    stale = DBTaskResult.objects.running().filter(started_at__lt=now - ABANDONED_AFTER)
    return stale.update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path="background.AbandonedTask",
        traceback="The worker running this task stopped before it finished.",
    )


def retry_failed_tasks(now: datetime.datetime | None = None) -> RetryReport:
    """Queue again each retry-safe failed task not yet retried, up to MAX_ATTEMPTS in all."""
    now = now or timezone.now()
    report = RetryReport(abandoned=recover_abandoned(now))
    with transaction.atomic():
        handled = TaskRetry.objects.values("failed_result_id")
        failed = (
            DBTaskResult.objects.failed()
            .filter(task_path__in=RETRY_SAFE_TASKS)
            .exclude(pk__in=handled)
            .select_for_update(skip_locked=True)
        )
        for row in failed:
            attempt = _attempt(row)
            retry = None
            if attempt < MAX_ATTEMPTS:
                retry = _requeue(row, attempt + 1, now)
                report.retried += 1
            else:
                report.gave_up += 1
            TaskRetry.objects.create(failed_result_id=row.pk, retried_as_id=retry and retry.pk, attempt=attempt)
        # prune_db_task_results deletes old results; their retry records go with them.
        TaskRetry.objects.exclude(failed_result_id__in=DBTaskResult.objects.values("pk")).delete()
    return report
