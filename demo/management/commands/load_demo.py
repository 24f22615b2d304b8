"""python manage.py load_demo: the demo network (publishers' details, resources, attachments, events, audits).

Idempotent: it goes through the bulk importer, which leaves unchanged resources alone,
and only touches other pages when their demo values differ.
"""

import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from core.progress import progress_bar
from demo.services.audits import load_demo_audits
from demo.services.events import load_demo_events
from demo.services.network import load_demo_network
from resources.services.import_rows import ImportFileError


class Command(BaseCommand):
    help = "Load the demo network of London publishers and resources (safe to run again)."

    def handle(self, *args: Any, **options: Any) -> None:
        with tempfile.TemporaryDirectory(prefix="exchange-demo-") as folder:
            try:
                report = load_demo_network(Path(folder), progress=progress_bar(self.stderr, options["verbosity"]))
            except ImportFileError as error:
                raise CommandError(str(error)) from None
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(problem)
            raise CommandError("The demo content is invalid; nothing was loaded.")
        self.stdout.write(
            f"Demo network: {len(report.created)} resources created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged."
        )
        events = load_demo_events()
        self.stdout.write(f"Demo events: {len(events)} created.")
        audits = load_demo_audits()
        self.stdout.write(f"Demo audits: {audits.rounds} rounds, {audits.returns} returns created.")
