"""The worker's heartbeat, run by the worker like any other task."""

from django.utils import timezone
from django_tasks import task

from operations.models import WorkerHeartbeat


@task()
def record_heartbeat(backend: str = "default") -> None:
    """Note that a worker of `backend` is taking tasks now (read by /health/ready)."""
    WorkerHeartbeat.objects.update_or_create(backend=backend, defaults={"seen_at": timezone.now()})
