"""What the exchange adds to django-tasks-db's rows: how often a failed task was tried again."""

from django.db import models


class TaskRetry(models.Model):
    """One failed task result, and the result queued to try it again (null: left failed).

    Kept beside the queue's own table (its rows are the library's), so a failure is acted on
    once and the attempts of one piece of work can be counted along the chain.
    """

    failed_result_id = models.UUIDField(unique=True)
    retried_as_id = models.UUIDField(null=True, blank=True, unique=True)
    attempt = models.PositiveSmallIntegerField(help_text="The attempt that failed (1 = the first run).")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"attempt {self.attempt} of {self.failed_result_id}"
