"""Readers for the upload formats beyond PDF, DOCX and plain text, each in its own module.

``read(kind, data)`` returns the text and the metadata (author, properties, comments) of
one file; it raises what the underlying parser raises for a damaged file, which the caller
(resources.services.extraction) turns into a recorded error, as for every other format.
"""

from collections.abc import Callable
from typing import Any

from .opendocument import read_opendocument
from .slides import read_pptx
from .spreadsheet import read_xlsx
from .zipped import TooLarge

READERS: dict[str, Callable[[bytes], tuple[str, dict[str, Any]]]] = {
    "xlsx": read_xlsx,
    "pptx": read_pptx,
    "odt": read_opendocument,
    "ods": read_opendocument,
    "odp": read_opendocument,
}

__all__ = ["READERS", "TooLarge", "read"]


def read(kind: str, data: bytes) -> tuple[str, dict[str, Any]]:
    return READERS[kind](data)
