"""Which background tasks may run again after a failure, and how often.

A task is retry-safe when running it twice does no harm: it reads its input again and writes
the same result (text extraction, re-indexing). Sending an email is not listed: the outbox
records every failure itself and `retry_emails` resends, never twice (notifications.services).
Paths are strings so this leaf app imports none of the apps whose tasks it names.
"""

import datetime

RETRY_SAFE_TASKS = frozenset(
    {
        "resources.tasks.extract_document_text_task",
        "search.tag_maintenance.reindex_resources_task",
    }
)
# A task that failed this many times is left failed for a person to look at.
MAX_ATTEMPTS = 3
# Waits before the second and third attempt: a passing fault (a restarted database, a busy
# disk) has cleared by then; a permanent one fails fast and stays visible.
BACKOFF = (datetime.timedelta(minutes=5), datetime.timedelta(minutes=30))
# A task still "running" this long after it started lost its worker (killed, machine rebooted):
# well past the longest bounded task (document extraction).
ABANDONED_AFTER = datetime.timedelta(minutes=30)
