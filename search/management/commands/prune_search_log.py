"""python manage.py prune_search_log: delete search-log entries past their retention (run daily)."""

from typing import Any

from django.core.management.base import BaseCommand

from search.query_log import RETENTION, prune_search_log


class Command(BaseCommand):
    help = "Delete recorded searches older than the insight reports' longest period."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = prune_search_log()
        self.stdout.write(f"Deleted {deleted} search-log entries older than {RETENTION.days} days.")
