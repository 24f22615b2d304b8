"""python manage.py retry_index_updates: try failed search-index updates again (run it from cron)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from indexing.updates import retry_pending


class Command(BaseCommand):
    help = "Retry search-index updates that failed because an engine was down. Safe to run every few minutes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=500, help="At most this many updates per run.")

    def handle(self, *args: Any, limit: int, **options: Any) -> None:
        succeeded, failed = retry_pending(limit=limit)
        self.stdout.write(f"Index updates retried: {succeeded} succeeded, {failed} still failing.")
        if failed:
            self.stderr.write("Some engines are still failing; the updates stay queued for the next run.")
