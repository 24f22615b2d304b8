"""python manage.py retry_emails: send again the emails whose last attempt failed (run from cron)."""

from typing import Any

from django.core.management.base import BaseCommand

from notifications.models import EmailStatus
from notifications.services import retry_due


class Command(BaseCommand):
    help = "Retry failed outgoing emails whose back-off has passed (safe to run every few minutes)."

    def handle(self, *args: Any, **options: Any) -> None:
        results = retry_due()
        sent = sum(1 for email in results if email.status == EmailStatus.SENT)
        self.stdout.write(f"Retried {len(results)} email(s): {sent} sent, {len(results) - sent} still failing.")
