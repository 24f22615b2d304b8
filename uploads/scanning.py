"""Virus scanning with ClamAV's clamd, over its socket (clamav-client).

CLAMAV_URL is unix:///path/to/clamd.sock or tcp://host:port. When clamd cannot be
reached or answers with an error the upload is refused (fail closed); only with
CLAMAV_ENABLED=false is a file accepted unscanned, and then the caller warns.
"""

import logging
from dataclasses import dataclass
from typing import BinaryIO
from urllib.parse import urlsplit

from clamav_client.clamd import ClamdError, ClamdNetworkSocket, ClamdUnixSocket
from django.conf import settings

from uploads.refusals import UploadRefused

logger = logging.getLogger(__name__)

_warned_disabled = False

NOT_SCANNED_WARNING = "Virus scanning is switched off on this server (development only): files are not scanned."


@dataclass(frozen=True)
class ScanOutcome:
    """What the scan found: scanned=False means scanning is switched off."""

    scanned: bool
    signature: str = ""


def scanning_enabled() -> bool:
    return bool(settings.CLAMAV_ENABLED)


def clamd_client() -> ClamdNetworkSocket:
    """A client for the clamd that CLAMAV_URL names."""
    url = urlsplit(settings.CLAMAV_URL)
    timeout = float(settings.CLAMAV_TIMEOUT)
    if url.scheme == "unix":
        return ClamdUnixSocket(path=url.path, timeout=timeout)
    if url.scheme == "tcp":
        return ClamdNetworkSocket(host=url.hostname or "127.0.0.1", port=url.port or 3310, timeout=timeout)
    raise ValueError(f"CLAMAV_URL must start unix:// or tcp://, not {settings.CLAMAV_URL!r}")


def scan(handle: BinaryIO) -> ScanOutcome:
    """Scan the file's bytes; UploadRefused if infected or if clamd cannot give an answer."""
    if not scanning_enabled():
        # Once per process: a demo load would otherwise repeat it for every attachment.
        global _warned_disabled
        if not _warned_disabled:
            logger.warning("Uploads are accepted without a virus scan: CLAMAV_ENABLED is off")
            _warned_disabled = True
        return ScanOutcome(scanned=False)
    handle.seek(0)
    try:
        result = clamd_client().instream(handle)
    except (ClamdError, OSError, ValueError) as error:
        logger.error("Virus scanner unavailable, upload refused: %s", type(error).__name__)
        raise UploadRefused(
            "scanner-unavailable",
            "the virus scanner is not available just now, so it cannot be checked; please try again later",
        ) from None
    finally:
        handle.seek(0)
    status, signature = next(iter(result.values()), ("ERROR", None))
    if status == "FOUND":
        raise UploadRefused("virus", f"the virus scanner found {signature} in it")
    if status != "OK":
        logger.error("Virus scanner answered %s, upload refused", status)
        raise UploadRefused("scanner-unavailable", "the virus scanner could not check it; please try again later")
    return ScanOutcome(scanned=True)
