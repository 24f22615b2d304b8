"""Settings for tests that run a real `db_worker` process: the test settings with production's queue.

The database comes from DATABASE_URL (a database of the test's own) and mail goes to files,
so the test can count what the worker really sent.
"""

from exchange.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["WORKER_TEST_MAIL_DIR"]  # noqa: F405
