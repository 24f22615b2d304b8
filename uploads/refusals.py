"""Why an upload was refused: a stable code for the log and a sentence for the person."""

from dataclasses import dataclass


@dataclass(frozen=True)
class UploadRefused(Exception):
    """Raised by the checks; ``reason`` completes "This file was refused: …"."""

    code: str
    reason: str

    def __str__(self) -> str:
        return self.reason
