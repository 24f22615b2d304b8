"""python manage.py backup [--to FOLDER]: the database and media, with checksums."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from backups.services import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump or SQLite's backup API) and media into a new folder."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--to", type=Path, default=Path("site-backups"), help="Folder for backups (default ./site-backups)"
        )

    def handle(self, *args: Any, to: Path, **options: Any) -> None:
        try:
            summary = create_backup(to)
        except BackupError as error:
            raise CommandError(str(error)) from None
        counts = ", ".join(f"{count} {name}" for name, count in summary.counts.items())
        self.stdout.write(f"Backed up {summary.engine} and media to {summary.folder} ({counts}).")
