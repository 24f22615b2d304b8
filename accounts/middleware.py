"""Two-factor enforcement for everyone with admin access, and the session limits."""

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django_otp import user_has_device

from accounts.policy import has_admin_access, may_skip_two_factor

SESSION_STARTED_KEY = "exchange_session_started"

# What a signed-in admin user may reach before giving the second factor.
_ALWAYS_ALLOWED = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "accounts_two_factor_verify",
    # The passkey sign-in ceremony the verify page offers (never registration: see below).
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
    "otp_webauthn:js-i18n-catalog",
}
# Enrolment only while the account has no second factor: a stolen password must not add one.
_ALLOWED_WITHOUT_DEVICE = {"accounts_two_factor_setup"}


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware: an admin user who has not given a second factor in this
    session is sent to enrol (no device yet) or to verify, whatever page they ask for."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user: Any = request.user
        if has_admin_access(user) and not user.is_verified() and not may_skip_two_factor(user):
            url_name = _url_name(request)
            has_device = user_has_device(user, confirmed=True)
            allowed = _ALWAYS_ALLOWED | (set() if has_device else _ALLOWED_WITHOUT_DEVICE)
            if url_name not in allowed:
                target = "accounts_two_factor_verify" if has_device else "accounts_two_factor_setup"
                return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def _url_name(request: HttpRequest) -> str | None:
    """The namespaced name (otp_webauthn:…), so another app's same short name is not let through."""
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return None


class SessionLimitsMiddleware:
    """Ends a signed-in session 12 hours after sign-in however active it is.

    The 30-minute idle limit is Django's own (SESSION_COOKIE_AGE with
    SESSION_SAVE_EVERY_REQUEST); a deactivated user is signed out on their next request
    because ModelBackend refuses inactive users.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user: Any = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get(SESSION_STARTED_KEY)
            now = int(time.time())
            if started is None:
                request.session[SESSION_STARTED_KEY] = now
            elif now - int(started) > settings.SESSION_ABSOLUTE_AGE:
                logout(request)
        return self.get_response(request)
