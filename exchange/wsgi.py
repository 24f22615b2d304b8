"""WSGI entry point for gunicorn: `gunicorn exchange.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "exchange.settings.dev")

application = get_wsgi_application()
