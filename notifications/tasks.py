"""Background task for the outbox."""

from django_tasks import task

# The module, not the function: notifications.services enqueues this task, so each module
# reaches the other's names when called rather than while both are still loading.
from notifications import services


@task()
def send_email_task(email_id: int) -> None:
    """Send one queued email; failures are recorded on the row for `retry_emails`."""
    services.deliver(email_id)
