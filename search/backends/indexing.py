"""Shared by the database backend's SQLite and PostgreSQL variants."""

from functools import lru_cache
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, Manager, TextField
from modelsearch.index import AutocompleteField, RelatedFields, SearchField


@lru_cache(maxsize=512)
def _plain_attname(model: type, name: str) -> str | None:
    """The attribute holding a text field's value when the index takes it as it is, else None."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    plain = isinstance(field, CharField | TextField) and not hasattr(field, "get_searchable_content")
    return field.attname if plain else None


def field_value(field: Any, obj: Any) -> Any:
    """What ``field.get_value(obj)`` returns, without its per-call app-registry lookups for plain text
    fields (titles, summaries, tag names: most of what a rebuild reads)."""
    attname = _plain_attname(type(obj), field.field_name)
    return getattr(obj, attname) if attname is not None else field.get_value(obj)


class FieldsReadOnce:
    """Indexer mixin: read each of the object's search fields once, however many index columns use it.

    `prepare_field` is the stock indexer's, reading values through field_value; `entry` shapes what it
    yields for the backend (PostgreSQL adds a weight).
    """

    def entry(self, field: Any, value: str) -> tuple:
        return (field, value)

    def prepare_field(self, obj: Any, field: Any) -> Any:
        if obj is not self.obj:  # related objects: only reached through the cached top level
            return self._prepare(obj, field)
        prepared = self.__dict__.setdefault("_prepared", {})
        if id(field) not in prepared:
            prepared[id(field)] = list(self._prepare(obj, field))
        return iter(prepared[id(field)])

    def _prepare(self, obj: Any, field: Any) -> Any:
        if isinstance(field, SearchField | AutocompleteField):
            yield self.entry(field, self.prepare_value(field_value(field, obj)))
        elif isinstance(field, RelatedFields):
            related = field.get_value(obj)
            if related is None:
                return
            if isinstance(related, Manager):
                related_objects = related.all()
            else:
                related_objects = [related() if callable(related) else related]
            for related_object in related_objects:
                for related_field in field.fields:
                    yield from self.prepare_field(related_object, related_field)


class TitleNormsOnceAfterRebuild:
    """Rebuilder mixin: the index skips its title-norm refresh after every batch while a rebuild runs.

    Each refresh averages the title length over the whole index and rewrites the new entries, so a
    rebuild doing it per batch grows with the square of the index size; the rebuild's finish
    refreshes every entry anyway (same values as refreshing per batch, then in full).
    """

    def start(self) -> Any:
        index = super().start()
        index.rebuilding = True
        return index

    def finish(self) -> None:
        self.index.rebuilding = False
        super().finish()


def refresh_title_norms(index: Any) -> None:
    """Set the new entries' title norms, unless a rebuild will set every entry's when it finishes."""
    if not getattr(index, "rebuilding", False):
        index._refresh_title_norms()
