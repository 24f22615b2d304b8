"""python manage.py import_audit_returns ROUND PATH [--borough SLUG] [--dry-run]"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from audits.models import AuditRound
from audits.services.importing import ImportFileError, import_returns
from core.progress import progress_bar


class Command(BaseCommand):
    help = (
        "Import case returns from a CSV or XLSX file (one row per case, one column per question code): "
        "checks every row first and writes nothing if any is wrong; the same file again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("round", help="The round's slug (its address: /audits/<slug>/).")
        parser.add_argument("path", type=Path, help="A .csv (UTF-8) or .xlsx file; first row: borough, then codes.")
        parser.add_argument("--borough", help="The borough's slug, when the file has no borough column.")
        parser.add_argument("--dry-run", action="store_true", help="Check and report; write nothing.")

    def handle(self, *args: Any, path: Path, borough: str | None, dry_run: bool, **options: Any) -> None:
        slug = options["round"]
        audit_round = AuditRound.objects.select_related("version").filter(slug=slug).first()
        if audit_round is None:
            raise CommandError(f"No audit round has the slug “{slug}”.")
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        try:
            report = import_returns(
                audit_round,
                path,
                borough_slug=borough,
                dry_run=dry_run,
                progress=progress_bar(self.stderr, options["verbosity"]),
            )
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(problem)
            count = len(report.problems)
            raise CommandError(f"{count} problem{'s' if count != 1 else ''} found; nothing was imported.")
        verb = "Would add" if dry_run else "Added"
        drafts = report.created - report.submitted
        self.stdout.write(
            f"{verb} {report.created} return{'s' if report.created != 1 else ''} "
            f"({report.submitted} submitted, {drafts} draft{'s' if drafts != 1 else ''} with answers missing); "
            f"{report.unchanged} already imported." + (" Dry run: nothing was written." if dry_run else "")
        )
