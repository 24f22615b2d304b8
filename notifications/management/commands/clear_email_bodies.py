"""python manage.py clear_email_bodies: blank sent emails' bodies after EMAIL_BODY_RETENTION_DAYS (run daily)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from notifications.services import clear_old_bodies


class Command(BaseCommand):
    help = "Clear the bodies of emails sent more than EMAIL_BODY_RETENTION_DAYS ago (they hold one-time links)."

    def handle(self, *args: Any, **options: Any) -> None:
        cleared = clear_old_bodies()
        self.stdout.write(
            f"Cleared the bodies of {cleared} email(s) finished over {settings.EMAIL_BODY_RETENTION_DAYS} days ago."
        )
