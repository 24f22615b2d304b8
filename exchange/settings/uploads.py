"""Documents, images and the checks every upload passes: imported by base.py."""

import os

from .base import env_bool  # defined before base imports this module

WAGTAILDOCS_DOCUMENT_MODEL = "resources.ExchangeDocument"
# Only formats the exchange publishes; nothing executable or scriptable.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "txt", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("WAGTAILDOCS_MAX_UPLOAD_SIZE", 20 * 1024 * 1024))
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Every upload (admin forms, multiple upload, the importer) passes uploads.services; the admin
# form also guards documents already on a published page (resources.document_forms).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "resources.document_forms.GuardedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "uploads.forms.ImageForm"
WAGTAILIMAGES_EXTENSIONS = ["png", "jpg", "jpeg"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = WAGTAILDOCS_MAX_UPLOAD_SIZE
# Office files are zips: refuse one that would expand past this or has this many parts.
UPLOADS_MAX_ZIP_UNCOMPRESSED = int(os.environ.get("UPLOADS_MAX_ZIP_UNCOMPRESSED", 200 * 1024 * 1024))
UPLOADS_MAX_ZIP_PARTS = int(os.environ.get("UPLOADS_MAX_ZIP_PARTS", 2000))
# Virus scanning fails closed: with it enabled and clamd unreachable, uploads are refused.
CLAMAV_ENABLED = env_bool("CLAMAV_ENABLED", True)
CLAMAV_URL = os.environ.get("CLAMAV_URL", "unix:///var/run/clamav/clamd.ctl")
CLAMAV_TIMEOUT = float(os.environ.get("CLAMAV_TIMEOUT", "30"))
