from django.core.management.base import BaseCommand

from operations.tasks import record_heartbeat


class Command(BaseCommand):
    help = (
        "Queue the heartbeat task; the worker that runs it records the time, which /health/ready "
        "checks (run every minute by exchange-worker_heartbeat.timer)."
    )

    def handle(self, *args: object, **options: object) -> None:
        result = record_heartbeat.enqueue()
        self.stdout.write(f"Heartbeat queued ({result.status}).")
