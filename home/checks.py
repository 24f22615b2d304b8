"""Email links and printed addresses come from WAGTAILADMIN_BASE_URL whatever host serves a page;
a base URL this site would refuse (not in ALLOWED_HOSTS) sends every reader of an email to an error."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning, register
from django.http.request import validate_host


@register()
def base_url_is_an_allowed_host(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or ""
    if host and not validate_host(host, settings.ALLOWED_HOSTS):
        return [
            Warning(
                f"WAGTAILADMIN_BASE_URL's host {host!r} is not in ALLOWED_HOSTS: links in emails would be refused.",
                hint="Set WAGTAILADMIN_BASE_URL to the address people reach the site at, and list its host in "
                "ALLOWED_HOSTS.",
                id="home.W001",
            )
        ]
    return []
