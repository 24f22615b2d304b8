"""The one place the project reads a ``next`` address: only ever back into this site.

A ``next`` arrives in a link anyone can send, so it is an open redirect unless checked.
"""

from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next_url(request: HttpRequest, default: str = "/") -> str:
    """``next`` from the POST or query string if it stays on this host (and scheme), else ``default``.

    ``default`` may be a URL name, as for Django's ``redirect``.
    """
    target = (request.POST.get("next") or request.GET.get("next") or "").strip()
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else resolve_url(default)
