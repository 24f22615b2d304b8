"""Keeping the search indexes up to date: immediately on save and publish, retried when an engine fails.

Wagtail's own handler logs an engine failure and forgets it, which leaves a resource
unfindable until the next full rebuild. Here a failure is recorded per backend and
`python manage.py retry_index_updates` (run from cron) tries again until it succeeds.
An editor's save or publish never waits on, or fails because of, the engine.
"""

import logging
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.apps import apps
from django.db.models import Model
from django.db.models.signals import post_save
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends_with_name
from wagtail.search.index import get_indexed_instance
from wagtail.signal_handlers import disable_reference_index_auto_update

from caching.services import purge_all
from indexing.models import PendingIndexUpdate

logger = logging.getLogger(__name__)
_paused = threading.local()
# After an engine fails, saves skip it (queueing the update) for this long, so one publish
# waits for at most one engine timeout rather than one per save it makes. The retry
# command always tries.
ENGINE_BACKOFF_SECONDS = 30.0
_engine_failed_at: dict[str, float] = {}


class _BackingOff(Exception):
    """Raised instead of calling an engine that failed moments ago."""


def updates_paused() -> bool:
    """True inside `paused_updates`: handlers that index on save or publish leave it to the caller."""
    return getattr(_paused, "value", False)


@contextmanager
def paused_updates() -> Iterator[None]:
    """Pause per-save search and reference index updates in this thread (bulk writes index once at the end)."""
    _paused.value = True
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        _paused.value = False


def _backing_off(name: str) -> bool:
    failed_at = _engine_failed_at.get(name)
    return failed_at is not None and time.monotonic() - failed_at < ENGINE_BACKOFF_SECONDS


def update_object(obj: Model, *, retrying: bool = False) -> bool:
    """Index one object in every auto-updating backend; record failures for retry. True if all succeeded.

    A backend that failed in the last ENGINE_BACKOFF_SECONDS is not tried again (the update
    is queued at once) unless ``retrying``.
    """
    indexed = get_indexed_instance(obj)
    label = obj._meta.label_lower
    ok = True
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            if not retrying and _backing_off(name):
                raise _BackingOff(f"{name} failed recently; not tried again yet")
            if indexed is not None:
                backend.add(indexed)
        except Exception as error:  # an engine outage must not reach the editor
            ok = False
            if not isinstance(error, _BackingOff):
                _engine_failed_at[name] = time.monotonic()
            logger.warning("Index update of %s %s in %r failed; queued for retry", label, obj.pk, name)
            PendingIndexUpdate.record(label, obj.pk, name, error)
        else:
            _engine_failed_at.pop(name, None)
            PendingIndexUpdate.objects.filter(model_label=label, object_id=str(obj.pk), backend=name).delete()
    return ok


def refresh_objects(objects: Iterable[Any]) -> None:
    """Bring the search and reference indexes up to date for these objects (after a bulk write)."""
    for obj in objects:
        update_object(obj)
        ReferenceIndex.create_or_update_for_object(obj)


def retry_pending(limit: int = 500) -> tuple[int, int]:
    """Try queued index updates again, oldest first; returns (succeeded, still failing)."""
    succeeded = failed = 0
    for pending in PendingIndexUpdate.objects.order_by("updated_at")[:limit]:
        model = apps.get_model(pending.model_label)
        obj = model._default_manager.filter(pk=pending.object_id).first()
        if obj is None:  # deleted since: nothing left to index
            pending.delete()
            continue
        if update_object(obj, retrying=True):
            succeeded += 1
        else:
            failed += 1
    if succeeded:
        # Pages and kept search answers built while the engine missed these updates are stale.
        purge_all(f"{succeeded} index updates retried")
    return succeeded, failed


def on_save(sender: type[Model], instance: Model, raw: bool = False, update_fields: Any = None, **kwargs: Any) -> None:
    """post_save handler replacing Wagtail's for indexed models: index now, queue a retry on failure.

    Indexing in the same transaction keeps the database backend consistent with the data. A save
    of only unindexed fields (Wagtail's revision bookkeeping when an editor saves a draft) leaves
    the index as it is: re-indexing would cost the editor time and put draft text in live search.
    """
    if raw or updates_paused():
        return
    if update_fields is not None and not set(update_fields) & indexed_field_names(sender):
        return
    update_object(instance)


# Wagtail stores this revision timestamp as a filter field, but nothing here filters on it and
# every content save refreshes it, so a draft save that touches only it is not worth an update.
_BOOKKEEPING = {"latest_revision_created_at"}


def indexed_field_names(model: type[Model]) -> set[str]:
    """Names of the model's own fields that its search index reads (searched, filtered or related)."""
    names = {field.field_name for field in model.get_search_fields()} - _BOOKKEEPING
    return names | {f"{name}_id" for name in names}


def install_handlers() -> None:
    """Swap Wagtail's per-save index handler for ours on every indexed model that auto-updates."""
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.search.index import get_indexed_models

    for model in get_indexed_models():
        if getattr(model, "search_auto_update", True):
            post_save.disconnect(post_save_signal_handler, sender=model)
            post_save.connect(on_save, sender=model, dispatch_uid=f"exchange-index-{model._meta.label_lower}")
