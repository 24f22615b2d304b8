"""The client's address, for the lockout, the sign-in log and the rate limits, behind a known
number of proxies."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR, or with TRUSTED_PROXY_COUNT=n the address n hops back in X-Forwarded-For.

    Only entries added by the trusted proxies are believed: anything further left was
    written by the client and could name anyone, which would let an attacker lock others out.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote
    try:
        # A proxy that writes something else (a port, "unknown") must not break sign-in or the
        # rate limits, which need an address: fall back to the proxy's own.
        return str(ipaddress.ip_address(hops[-proxies]))
    except ValueError:
        return remote
