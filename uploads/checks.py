"""System checks: documents must never be handed out by the storage, bypassing permissions."""

from typing import Any

from django.conf import settings
from django.core.checks import Error, register


@register()
def documents_served_through_django(app_configs: Any, **kwargs: Any) -> list[Error]:
    method = getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None)
    if method == "serve_view":
        return []
    return [
        Error(
            f"WAGTAILDOCS_SERVE_METHOD is {method!r}: documents would bypass collection permissions.",
            hint='Set WAGTAILDOCS_SERVE_METHOD = "serve_view".',
            id="uploads.E001",
        )
    ]
