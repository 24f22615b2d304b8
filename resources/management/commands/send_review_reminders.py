"""python manage.py send_review_reminders — run daily from cron; each digest goes once per ISO week."""

import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.progress import progress_bar
from resources.services.reviews import send_review_reminders


class Command(BaseCommand):
    help = "Email each publisher's leads a digest of their overdue and soon-due resources (once a week)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="Act as if today were this date (YYYY-MM-DD), e.g. to re-run a missed day.")
        parser.add_argument(
            "--base-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="The site's address for links (default: WAGTAILADMIN_BASE_URL).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError(f"--date: '{options['date']}' is not a date like 2026-11-30") from None
        report = send_review_reminders(today, options["base_url"], progress=progress_bar(self.stderr))
        self.stdout.write(f"Sent {len(report.sent)} digest(s): {', '.join(report.sent) or 'none'}.")
        if report.already_sent:
            self.stdout.write(f"Already sent this week: {', '.join(report.already_sent)}.")
        if report.without_leads:
            self.stdout.write(f"Due resources but no leads with an email address: {', '.join(report.without_leads)}.")
