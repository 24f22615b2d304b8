"""Local development: DEBUG on, a throwaway key, mail printed to the console."""

from .base import *  # noqa: F403
from .base import env_bool, os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = ["*"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Serve static files straight from the apps: no collectstatic needed while developing.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# `make run` needs only Python: without clamd, uploads are accepted with a warning.
CLAMAV_ENABLED = env_bool("CLAMAV_ENABLED", False)
