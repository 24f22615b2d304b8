"""Shared by the database backend's SQLite and PostgreSQL variants."""

from functools import lru_cache
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, Manager, TextField
from django.utils.encoding import force_str
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import StreamField

from core.text import text_for_indexing


@lru_cache(maxsize=512)
def _plain_attname(model: type, name: str) -> str | None:
    """The attribute holding a text field's value when the index takes it as it is, else None."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    plain = isinstance(field, CharField | TextField) and not hasattr(field, "get_searchable_content")
    return field.attname if plain else None


@lru_cache(maxsize=512)
def _stream_field(model: type, name: str) -> Any:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, StreamField) else None


def field_value(field: Any, obj: Any) -> Any:
    """What ``field.get_value(obj)`` returns, without its per-call app-registry lookups for plain text
    fields (titles, summaries, tag names: most of what a rebuild reads), and for StreamFields read from
    the stored data (see raw_searchable_content)."""
    model = type(obj)
    attname = _plain_attname(model, field.field_name)
    if attname is not None:
        return getattr(obj, attname)
    stream_field = _stream_field(model, field.field_name)
    if stream_field is not None:
        value = stream_field.value_from_object(obj)
        # Untouched since it was read from the database: the stored data is the whole value.
        if getattr(value, "is_lazy", False) and value.raw_text is None and not any(value._bound_blocks):
            content = raw_searchable_content(stream_field.stream_block, value._raw_data)
            if content is not None:
                return content
    return field.get_value(obj)


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


# Blocks whose searchable content is read from stored data here exactly as Wagtail's own method reads
# it from the converted value; a block of any other kind (or one overriding the method) is left to
# Wagtail, which converts the whole body.
_TEXT = {blocks.CharBlock.get_searchable_content, blocks.TextBlock.get_searchable_content}
_NOTHING = blocks.Block.get_searchable_content


def raw_searchable_content(block: Any, raw: Any) -> list[str] | None:
    """``block.get_searchable_content(block.to_python(raw))`` from the stored data without building
    block values (which costs more than the text); None when this block's kind is not covered.

    Building a body's values converts every block (choosers query for their objects) only to read
    its text back; an index rebuild does that for every resource.
    """
    method = type(block).get_searchable_content
    if method is _NOTHING:
        return []
    if method in _TEXT:
        return [force_str(raw)] if block.search_index else []
    if method is TableBlock.get_searchable_content:  # to_python only settles the header choice
        return [cell for row in raw.get("data", []) for cell in row if cell] if raw else []
    if method is blocks.RichTextBlock.get_searchable_content:
        return [text_for_indexing(force_str(raw or ""))] if block.search_index else []
    if method is blocks.StreamBlock.get_searchable_content and isinstance(raw, list):
        return _children(block, [(item.get("type"), item.get("value")) for item in raw if isinstance(item, dict)], raw)
    if method is blocks.StructBlock.get_searchable_content and isinstance(raw, dict):
        if not set(block.child_blocks) <= set(raw):  # a missing child takes its default: Wagtail's job
            return None
        return _children(block, list(raw.items()), block.child_blocks)
    if method is blocks.ListBlock.get_searchable_content and isinstance(raw, list):
        if not block.search_index:
            return []
        content: list[str] = []
        for item in raw:
            in_block_format = isinstance(item, dict) and "id" in item and "value" in item and item.get("type") == "item"
            found = raw_searchable_content(block.child_block, item["value"] if in_block_format else item)
            if found is None:
                return None
            content.extend(found)
        return content
    return None


def _children(block: Any, items: list[tuple[Any, Any]], expected: Any) -> list[str] | None:
    if len(items) != len(expected) or any(name not in block.child_blocks for name, _ in items):
        return None  # malformed or unknown children: Wagtail decides what they mean
    if not block.search_index:
        return []
    content: list[str] = []
    if isinstance(block, blocks.StructBlock):  # in the block's order of children, not the stored order
        items = [(name, dict(items)[name]) for name in block.child_blocks]
    for name, value in items:
        found = raw_searchable_content(block.child_blocks[name], value)
        if found is None:
            return None
        content.extend(found)
    return content
