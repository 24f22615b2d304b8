from django.urls import include, path, reverse
from wagtail import hooks

from accounts import passkeys, two_factor, views


@hooks.register("register_admin_urls")
def two_factor_urls() -> list:
    return [
        path("2fa/verify/", two_factor.verify, name="accounts_two_factor_verify"),
        path("2fa/setup/", two_factor.setup, name="accounts_two_factor_setup"),
        path("2fa/recovery-codes/", views.recovery_codes, name="accounts_recovery_codes"),
        path("2fa/passkeys/", passkeys.passkeys, name="accounts_passkeys"),
        # django-otp-webauthn's JSON ceremonies, under the admin so they get its CSP and access
        # check; TwoFactorMiddleware lets an unverified user reach only the sign-in ones.
        path("passkeys/", include("django_otp_webauthn.urls", namespace="otp_webauthn")),
    ]


@hooks.register("register_account_menu_item")
def recovery_codes_menu_item(request) -> dict:
    return {
        "url": reverse("accounts_recovery_codes"),
        "label": "Recovery codes",
        "help_text": "One-time codes to sign in if you lose your authenticator app.",
    }


@hooks.register("register_account_menu_item")
def passkeys_menu_item(request) -> dict:
    return {
        "url": reverse("accounts_passkeys"),
        "label": "Passkeys",
        "help_text": "Sign in with this device's screen lock or a security key instead of a code.",
    }
