"""Recovery codes: one-time codes for when the authenticator app is lost (django-otp's static device)."""

from typing import Any

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

RECOVERY_DEVICE_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10


def issue_recovery_codes(user: Any) -> list[str]:
    """Replace the user's recovery codes with ten new ones and return them to show once.

    Each code works once. django-otp keeps static tokens unhashed, so the page that shows
    them is the only place they appear; issuing new ones invalidates the old set.
    """
    StaticDevice.objects.filter(user=user, name=RECOVERY_DEVICE_NAME).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def remaining_recovery_codes(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user, device__name=RECOVERY_DEVICE_NAME).count()
