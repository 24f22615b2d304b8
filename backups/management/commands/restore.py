"""python manage.py restore FOLDER --yes: replace the database and media with a backup's."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from backups.services import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup`. Replaces the current database and media."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("folder", type=Path, help="A backup folder (site-backups/backup-…)")
        parser.add_argument("--yes", action="store_true", help="Confirm: the current data will be replaced.")

    def handle(self, *args: Any, folder: Path, yes: bool, **options: Any) -> None:
        if not yes:
            raise CommandError("Restoring replaces the current database and media; run again with --yes to go ahead.")
        try:
            summary = restore_backup(folder)
        except BackupError as error:
            raise CommandError(str(error)) from None
        counts = ", ".join(f"{count} {name}" for name, count in summary.counts.items())
        self.stdout.write(f"Restored {summary.folder} ({counts}).")
