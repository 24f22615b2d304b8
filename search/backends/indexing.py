"""Shared by the database backend's SQLite and PostgreSQL variants."""

from typing import Any


class FieldsReadOnce:
    """Indexer mixin: read each of the object's search fields once, however many index columns use it."""

    def prepare_field(self, obj: Any, field: Any) -> Any:
        if obj is not self.obj:  # related objects: only reached through the cached top level
            return super().prepare_field(obj, field)
        prepared = self.__dict__.setdefault("_prepared", {})
        if id(field) not in prepared:
            prepared[id(field)] = list(super().prepare_field(obj, field))
        return iter(prepared[id(field)])
