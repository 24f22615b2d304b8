"""Sign-in, sessions, headers, passwords, passkeys and rate limits: imported by base.py."""

import os
from urllib.parse import urlsplit

from core.headers import PUBLIC_DIRECTIVES

from .base import WAGTAIL_SITE_NAME, WAGTAILADMIN_BASE_URL, env_list  # defined before base imports this module

# Sign-in security (accounts/): a second factor for every admin user (django-otp: TOTP,
# plus recovery codes), lockout on the username+address pair only, so an attacker cannot
# lock a real user out from elsewhere.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
OTP_TOTP_ISSUER = "London Practice Exchange"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))  # hours
AXES_RESET_ON_SUCCESS = True
# Behind a reverse proxy set TRUSTED_PROXY_COUNT to the number of proxies that append to
# X-Forwarded-For; 0 means REMOTE_ADDR is the client (accounts/client_ip.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "accounts.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# Headers (core/headers.py): CSP with nonces on public pages, relaxed for the admin.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": PUBLIC_DIRECTIVES}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# No page of the exchange needs a device feature; deny them all to embedded content too.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "display-capture",
        "browsing-topics",
    )
}

# Sessions: 30 minutes idle (the cookie's age, renewed on every request), 12 hours at most
# (accounts.middleware.SessionLimitsMiddleware), HttpOnly, SameSite=Lax; Secure in production.
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_ABSOLUTE_AGE = 12 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# At least 12 characters and not a common password; no composition rules (NCSC guidance).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Passkeys (django-otp-webauthn) are a second factor only: passwordless sign-in would skip the
# password and django-axes. A passkey belongs to one host name (the relying party), by default
# the admin's own. Browsers refuse IP addresses there, so 127.0.0.1 becomes localhost (same
# port): while developing, open the admin at http://localhost:8000 to use passkeys.
_ADMIN_ADDRESS = urlsplit(WAGTAILADMIN_BASE_URL)
_ADMIN_HOST = _ADMIN_ADDRESS.hostname or "localhost"
if _ADMIN_HOST.replace(".", "").isdigit() or ":" in _ADMIN_HOST:
    _ADMIN_HOST = "localhost"
_ADMIN_PORT = f":{_ADMIN_ADDRESS.port}" if _ADMIN_ADDRESS.port else ""
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_ID = os.environ.get("OTP_WEBAUTHN_RP_ID") or _ADMIN_HOST
OTP_WEBAUTHN_RP_NAME = os.environ.get("OTP_WEBAUTHN_RP_NAME") or WAGTAIL_SITE_NAME
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list(
    "OTP_WEBAUTHN_ALLOWED_ORIGINS", f"{_ADMIN_ADDRESS.scheme or 'https'}://{_ADMIN_HOST}{_ADMIN_PORT}"
)

# Rate limits (core.ratelimit) count in the default cache: in production that cache
# must be shared by every worker (Redis or memcached), or each worker counts on its own.
RATELIMIT_VIEW = "core.ratelimit.ratelimited"
RATELIMIT_USE_CACHE = "default"
# Per-IP rates ("count/period", period s, m, h or d, optionally "count/10m"), generous because a
# whole council office may share one address; sign-ins are limited on top of django-axes.
RATE_LIMITS = {
    "search": os.environ.get("RATE_LIMIT_SEARCH", "120/m"),
    "suggest": os.environ.get("RATE_LIMIT_SUGGEST", "600/m"),
    "login": os.environ.get("RATE_LIMIT_LOGIN", "20/10m"),
    # Password-reset emails to any one address: a person who lost a password needs one or two.
    "password_reset": os.environ.get("RATE_LIMIT_PASSWORD_RESET", "3/h"),
    # Bookings: one person correcting typos, not a script; a team booking from one office network.
    "booking_per_email": os.environ.get("RATE_LIMIT_BOOKING_PER_EMAIL", "5/h"),
    "booking_per_address": os.environ.get("RATE_LIMIT_BOOKING_PER_ADDRESS", "30/h"),
}
# The rate limits and the sign-in lockout agree on who the client is (TRUSTED_PROXY_COUNT);
# RATELIMIT_IP_META_KEY (a request.META key) overrides it, e.g. for the load test's clients.
RATELIMIT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY") or "accounts.client_ip.client_ip"
