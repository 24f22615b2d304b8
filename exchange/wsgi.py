"""WSGI entry point for gunicorn: `gunicorn exchange.wsgi`."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "exchange.settings.dev")

application = get_wsgi_application()

# Everything loaded by now (Django, Wagtail and every app's modules) lives as long as the worker.
# Frozen, it is left out of the cyclic garbage collector's full collections, which otherwise walk
# a quarter of a million objects and stall the request that triggers one (the benchmark's p95).
gc.collect()
gc.freeze()
