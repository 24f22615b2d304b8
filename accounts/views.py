"""The admin page where a signed-in, verified user issues their recovery codes; the sign-in rate limit."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.recovery import issue_recovery_codes, remaining_recovery_codes
from core.ratelimit import configured_rate, enforce


@never_cache
@require_http_methods(["GET", "POST"])
def recovery_codes(request: HttpRequest) -> HttpResponse:
    codes = issue_recovery_codes(request.user) if request.method == "POST" else None
    return TemplateResponse(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "remaining": remaining_recovery_codes(request.user), "page_title": "Recovery codes"},
    )


def rate_limited_sign_in(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap a sign-in view so each address may POST only RATE_LIMITS["login"] attempts.

    django-axes locks a username+address pair after a few failures; this catches one
    address trying many usernames (password spraying) without locking anyone out.
    """

    @wraps(view)
    def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST":
            enforce(request, group="accounts.sign_in", key="ip", rate=configured_rate("login"))
        return view(request, *args, **kwargs)

    return limited


def _reset_address(group: str, request: HttpRequest) -> str:
    return (request.POST.get("email") or "").strip().lower()


def rate_limited_password_reset(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The password-reset form sends an email to whatever address is typed: per client address it
    shares the sign-in limit, and per email address it may send only RATE_LIMITS["password_reset"]
    (found from outside: ten requests sent ten emails to one lead)."""

    @wraps(view)
    def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST":
            enforce(request, group="accounts.sign_in", key="ip", rate=configured_rate("login"))
            enforce(
                request, group="accounts.password_reset", key=_reset_address, rate=configured_rate("password_reset")
            )
        return view(request, *args, **kwargs)

    return limited
