"""Passkeys as a second factor (django-otp-webauthn): the admin page to register them.

The ceremonies themselves are the package's JSON views, mounted under /admin/passkeys/ by
wagtail_hooks; this module only lists a user's passkeys and lets them remove one.
"""

from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp_webauthn.models import WebAuthnCredential


def passkeys_for(user: Any) -> QuerySet[WebAuthnCredential]:
    """The user's confirmed passkeys, newest first."""
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("-created_at")


def has_passkey(user: Any) -> bool:
    """Whether the verify page should offer "Use a passkey"."""
    return user.is_authenticated and passkeys_for(user).exists()


@never_cache
@require_http_methods(["GET", "POST"])
def passkeys(request: HttpRequest) -> HttpResponse:
    """List the signed-in user's passkeys, register one (in the browser), or remove one.

    Reached only with a verified session: TwoFactorMiddleware sends anyone else to verify, so a
    stolen password alone cannot add a passkey.
    """
    if request.method == "POST":
        # Only the user's own: another user's id simply matches nothing; junk is not an id.
        raw = request.POST.get("remove", "")
        removed = 0
        if raw.isdigit() and len(raw) < 10:
            removed, _ = passkeys_for(request.user).filter(pk=int(raw)).delete()
        if removed:
            messages.success(request, "Passkey removed.")
        else:
            messages.error(request, "That passkey was not found.")
        return HttpResponseRedirect(reverse("accounts_passkeys"))
    return TemplateResponse(
        request,
        "accounts/passkeys.html",
        {"passkeys": passkeys_for(request.user), "page_title": "Passkeys"},
    )
