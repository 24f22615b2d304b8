from django.urls import path, reverse
from wagtail import hooks

from accounts import two_factor, views


@hooks.register("register_admin_urls")
def two_factor_urls() -> list:
    return [
        path("2fa/verify/", two_factor.verify, name="accounts_two_factor_verify"),
        path("2fa/setup/", two_factor.setup, name="accounts_two_factor_setup"),
        path("2fa/recovery-codes/", views.recovery_codes, name="accounts_recovery_codes"),
    ]


@hooks.register("register_account_menu_item")
def recovery_codes_menu_item(request) -> dict:
    return {
        "url": reverse("accounts_recovery_codes"),
        "label": "Recovery codes",
        "help_text": "One-time codes to sign in if you lose your authenticator app.",
    }
