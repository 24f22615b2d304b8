"""Loaded once into the extraction fork server (resources.services.bounded_extraction): Django set up
and the readers imported, so each extraction forks from a small, fresh process whose memory is its own
rather than from a long-lived worker (whose freed heap a child could reuse beyond its allowance)."""

import django

django.setup()

from resources.services import extraction  # noqa: E402, F401 - preloads pypdf, python-docx and lxml
