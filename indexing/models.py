"""Index updates that failed and wait for `retry_index_updates`."""

from django.db import models
from django.db.models import F
from django.utils import timezone


class PendingIndexUpdate(models.Model):
    model_label = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    backend = models.CharField(max_length=50)
    attempts = models.PositiveIntegerField(default=1)
    last_error = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        # The table the search app created before this app existed (migrations moved only the model).
        db_table = "search_pendingindexupdate"
        constraints = [
            models.UniqueConstraint(fields=["model_label", "object_id", "backend"], name="unique_pending_index_update")
        ]

    def __str__(self) -> str:
        return f"{self.model_label} {self.object_id} in {self.backend} ({self.attempts} attempts)"

    @classmethod
    def record(cls, model_label: str, object_id: object, backend: str, error: Exception) -> None:
        """Remember (or count another) failure; the error's class only, as messages can quote content."""
        message = type(error).__name__
        updated = cls.objects.filter(model_label=model_label, object_id=str(object_id), backend=backend).update(
            attempts=F("attempts") + 1, last_error=message, updated_at=timezone.now()
        )
        if not updated:
            cls.objects.create(model_label=model_label, object_id=str(object_id), backend=backend, last_error=message)
