"""Background task for the outbox."""

from django_tasks import task

from notifications.services import deliver


@task()
def send_email_task(email_id: int) -> None:
    """Send one queued email; failures are recorded on the row for `retry_emails`."""
    deliver(email_id)
