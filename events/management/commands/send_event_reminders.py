"""python manage.py send_event_reminders: remind people two days before their event (run hourly from cron)."""

from typing import Any

from django.core.management.base import BaseCommand

from events.services.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Email a reminder to everyone with a place at an event starting in the next two days (once each)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = send_due_reminders()
        self.stdout.write(f"Queued {count} reminder(s).")
