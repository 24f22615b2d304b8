"""python manage.py import_resources PATH [--dry-run] [--draft]"""

import logging
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.progress import progress_bar
from resources.services.import_rows import ImportFileError
from resources.services.importer import ImportReport, import_resources
from uploads.storage import StorageFailure


class Command(BaseCommand):
    help = "Import resources from a JSON file: validates every row first and writes nothing if any is invalid."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help='JSON file: {"resources": [...]}')
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; write nothing.")
        parser.add_argument("--draft", action="store_true", help="Save as drafts instead of publishing.")

    def handle(self, *args: Any, path: Path, dry_run: bool, draft: bool, **options: Any) -> None:
        if options["verbosity"] < 2:
            # Wagtail logs a line per page created, edited and published: noise around a progress bar.
            logging.getLogger("wagtail").setLevel(logging.WARNING)
        try:
            report = import_resources(
                path, dry_run=dry_run, draft=draft, progress=progress_bar(self.stderr, options["verbosity"])
            )
        except (ImportFileError, StorageFailure) as error:
            # A storage failure rolled the whole import back and removed the files it stored.
            raise CommandError(str(error)) from None
        for warning in report.warnings:
            self.stderr.write(f"warning: {warning}")
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(problem)
            raise CommandError(
                f"{len(report.problems)} problem{'s' if len(report.problems) != 1 else ''} found; nothing was imported."
            )
        self.stdout.write(summary_line(report, draft))


def summary_line(report: ImportReport, draft: bool) -> str:
    verb = "Would create" if report.dry_run else "Created"
    state = "drafts" if draft else "published"
    return (
        f"{verb} {len(report.created)}, {'would update' if report.dry_run else 'updated'} {len(report.updated)}, "
        f"unchanged {len(report.unchanged)} ({state})." + (" Dry run: nothing was written." if report.dry_run else "")
    )
