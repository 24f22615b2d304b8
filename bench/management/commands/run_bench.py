"""python manage.py run_bench --output FILE: in-process figures for the current database (see bench/)."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bench.measure import run_all
from resources.models import ResourcePage


class Command(BaseCommand):
    help = "Measure page latency, SQL queries, engine, listing, publishing, index rebuild and memory on this database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", required=True, help="Write the figures here as JSON.")
        parser.add_argument("--repeat", type=int, default=30, help="Timed requests per scenario (after one warm-up).")
        parser.add_argument("--rebuild", action="store_true", help="Also time a full search-index rebuild first.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not ResourcePage.objects.live().exists():
            raise CommandError("No resources: run generate_network first.")
        if not 5 <= options["repeat"] <= 1000:
            raise CommandError("--repeat must be between 5 and 1000")
        self.stderr.write(
            f"Measuring {ResourcePage.objects.live().count()} resources ({options['repeat']} runs each)..."
        )
        results = run_all(options["repeat"], options["rebuild"])
        Path(options["output"]).write_text(json.dumps(results, indent=2))
        self.stdout.write(f"Wrote {options['output']}")
