from django.db import models


class WorkerHeartbeat(models.Model):
    """When a task worker last ran the heartbeat task: one row per queue backend alias.

    Written by the worker itself (operations.tasks.record_heartbeat, queued every minute by the
    `worker_heartbeat` timer), so a fresh row proves a worker is taking tasks off the queue, not
    only that a timer fired. Kept in the database rather than the cache so it survives a cache
    flush and needs no cache at all.
    """

    backend = models.CharField(max_length=100, unique=True)
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.backend} worker seen at {self.seen_at:%Y-%m-%d %H:%M:%S}"
