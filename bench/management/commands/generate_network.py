"""python manage.py generate_network --resources 10000 --seed 1"""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bench.generate import generate_network
from core.progress import progress_bar


class Command(BaseCommand):
    help = "Add a synthetic network for benchmarking: N resources over the 33 authorities, 300 Zipf-spread tags."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--resources", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--tags", type=int, default=300)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["resources"] < 1 or options["resources"] > 200_000:
            raise CommandError("--resources must be between 1 and 200,000")
        if not 10 <= options["tags"] <= 600:
            raise CommandError("--tags must be between 10 and 600")
        started = time.perf_counter()
        try:
            report = generate_network(
                options["resources"], options["seed"], options["tags"], progress=progress_bar(self.stderr)
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Generated {report.resources} resources with {report.tags} tags over {report.publishers} publishers "
            f"in {seconds:.1f} s. Run `manage.py update_index` to build the search index."
        )
