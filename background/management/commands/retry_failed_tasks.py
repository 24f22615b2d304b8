"""python manage.py retry_failed_tasks: run again the failed background tasks that are safe to repeat."""

from typing import Any

from django.core.management.base import BaseCommand

from background.services import retry_failed_tasks


class Command(BaseCommand):
    help = "Queue again failed retry-safe background tasks (bounded attempts, with back-off); run every few minutes."

    def handle(self, *args: Any, **options: Any) -> None:
        report = retry_failed_tasks()
        self.stdout.write(
            f"Background tasks: {report.retried} queued again, {report.gave_up} left failed after "
            f"their last attempt, {report.abandoned} found abandoned by a stopped worker."
        )
