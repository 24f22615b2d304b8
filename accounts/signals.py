"""Every sign-in, failed sign-in and sign-out is logged (username and address, never a password)."""

import logging
import time
from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from accounts.client_ip import client_ip
from accounts.middleware import SESSION_STARTED_KEY

logger = logging.getLogger("exchange.security")


def _address(request: HttpRequest | None) -> str:
    return (client_ip(request) or "-") if request is not None else "-"


@receiver(user_logged_in)
def log_sign_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        # The 12-hour limit counts from here (SessionLimitsMiddleware).
        request.session[SESSION_STARTED_KEY] = int(time.time())
    logger.info("Sign-in: user=%s address=%s", user.get_username(), _address(request))


@receiver(user_login_failed)
def log_failed_sign_in(sender: Any, credentials: dict, request: HttpRequest | None = None, **kwargs: Any) -> None:
    logger.warning("Failed sign-in: user=%s address=%s", credentials.get("username", "-"), _address(request))


@receiver(user_logged_out)
def log_sign_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    logger.info("Sign-out: user=%s address=%s", user.get_username() if user else "-", _address(request))
