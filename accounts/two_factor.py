"""Enrolment (TOTP, then recovery codes) and verification pages, in the admin's sign-in style.

Built directly on django-otp: wagtail-2fa 1.8.0, the Wagtail-specific package, imports
wagtail.users.widgets, which Wagtail 8 removed, so it cannot be installed here.
"""

from base64 import b32encode
from io import BytesIO
from typing import Any

import qrcode
import qrcode.image.svg
from django import forms
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_ratelimit.exceptions import Ratelimited

from accounts.passkeys import has_passkey
from accounts.recovery import issue_recovery_codes
from core.next_url import safe_next_url
from core.ratelimit import configured_rate, enforce, ratelimited

_SETUP_DEVICE_NAME = "Authenticator app"


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Code",
        max_length=16,
        help_text="The 6-digit code from your authenticator app, or one of your recovery codes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


class SetupTokenForm(TokenForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["token"].help_text = "The 6-digit code your authenticator app shows now."


def _next_url(request: HttpRequest) -> str:
    """The page to return to; only this site's own addresses (no open redirect)."""
    return safe_next_url(request, "wagtailadmin_home")


@never_cache
@sensitive_post_parameters("token")
def verify(request: HttpRequest) -> HttpResponse:
    """Ask a signed-in user with a device for a code; a recovery code is used up."""
    if not request.user.is_authenticated:
        return HttpResponseRedirect(reverse("wagtailadmin_login"))
    if request.method == "POST":
        # Per address, on top of django-otp's per-device throttle: many accounts from one place.
        # Answered here: Wagtail's admin URL wrapper would turn a raised Ratelimited (a
        # PermissionDenied) into a redirect to the dashboard.
        try:
            enforce(request, group="accounts.two_factor", key="ip", rate=configured_rate("login"))
        except Ratelimited as error:
            return ratelimited(request, error)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # match_token throttles repeated failures per device (django-otp's ThrottlingMixin).
        device = match_token(request.user, form.cleaned_data["token"].replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            return HttpResponseRedirect(_next_url(request))
        form.add_error("token", "That code is not right, or has been used. Check the time on your phone and try again.")
    return TemplateResponse(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": _next_url(request), "has_passkey": has_passkey(request.user)},
    )


@never_cache
@sensitive_post_parameters("token")
def setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app (first sign-in), then show the recovery codes once."""
    if not request.user.is_authenticated:
        return HttpResponseRedirect(reverse("wagtailadmin_login"))
    if user_has_device(request.user, confirmed=True) and not request.user.is_verified():
        return HttpResponseRedirect(reverse("accounts_two_factor_verify"))
    device = _unconfirmed_device(request.user)
    form = SetupTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].replace(" ", "")):
            device.confirmed = True
            device.name = _SETUP_DEVICE_NAME
            device.save()
            otp_login(request, device)
            codes = issue_recovery_codes(request.user)
            return TemplateResponse(
                request, "accounts/two_factor_done.html", {"codes": codes, "next": _next_url(request)}
            )
        form.add_error("token", "That code is not right. Check the time on your phone and try again.")
    return TemplateResponse(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_code": _qr_svg(device.config_url),
            "secret": b32encode(device.bin_key).decode(),
            "next": _next_url(request),
        },
    )


def _unconfirmed_device(user: Any) -> TOTPDevice:
    """The enrolment in progress: the same secret until it is confirmed, so a reload keeps the QR code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="pending", confirmed=False)


def _qr_svg(data: str) -> SafeString:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    out = BytesIO()
    image.save(out)
    # Generated here from the device's own otpauth:// address, not user input.
    return mark_safe(out.getvalue().decode())  # noqa: S308
