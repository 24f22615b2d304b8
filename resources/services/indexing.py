"""Index updates for bulk writes.

Saving a page fires a search-index and a reference-index update on every save, and
creating and publishing a page saves it three times. For a bulk import that is most of
the work, so imports switch the per-save updates off and refresh each touched page once
at the end, after the transaction has committed.
"""

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db.models import Model
from django.db.models.signals import post_save
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.search import index
from wagtail.signal_handlers import disable_reference_index_auto_update

_paused = threading.local()


def index_updates_paused() -> bool:
    """True inside per_save_index_updates_paused: receivers that index on publish should wait too."""
    return getattr(_paused, "value", False)


@contextmanager
def per_save_index_updates_paused(model: type[Model]) -> Iterator[None]:
    """Pause both index updates for saves of `model` (process-wide: meant for management commands)."""
    post_save.disconnect(post_save_signal_handler, sender=model)
    _paused.value = True
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        _paused.value = False
        post_save.connect(post_save_signal_handler, sender=model)


def refresh_indexes(objects: Iterable[Any]) -> None:
    """Bring the search and reference indexes up to date for these objects."""
    for obj in objects:
        index.insert_or_update_object(obj)
        ReferenceIndex.create_or_update_for_object(obj)
