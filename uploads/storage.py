"""Media storage that leaves nothing behind when a write fails (disk full, I/O error, read-only).

Django's FileSystemStorage keeps a partly written file when the disk fills mid-write; no
database row points at it, so it would stay an orphan forever. Here it is removed and the
failure is raised as StorageFailure, which the upload views and the importer turn into a
clear message (uploads.middleware, import_resources).
"""

import contextlib
import logging
import os
from typing import Any

from django.core.files.storage import FileSystemStorage

logger = logging.getLogger("exchange.uploads")

STORAGE_FAILURE_MESSAGE = (
    "The file could not be stored: the server's storage is full or not working. "
    "Nothing was saved. Please try again later, and tell the exchange's administrators if it keeps happening."
)


class StorageFailure(OSError):
    """Writing an upload to media storage failed; nothing of it was kept."""


class CleanFileSystemStorage(FileSystemStorage):
    def _save(self, name: str, content: Any) -> str:
        try:
            return super()._save(name, content)
        except FileExistsError:
            raise
        except OSError as error:
            # Exclusive create (O_EXCL) means a file at this path is the one this call began.
            with contextlib.suppress(OSError):
                os.remove(self.path(name))
            logger.error(
                "Media storage write failed (%s); partial file removed", error.strerror or type(error).__name__
            )
            raise StorageFailure(error.errno, STORAGE_FAILURE_MESSAGE) from error
