"""SQLite (FTS5) variant of search.backends.database: see that module for why."""

from typing import Any

from django.db.models import F, IntegerField, TextField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite as lite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from search.backends.index_content import FieldsReadOnce, TitleNormsOnceAfterRebuild, refresh_title_norms


class SQLiteIndexer(FieldsReadOnce, lite.ObjectIndexer):
    pass


class SQLiteIndex(lite.SQLiteIndex):
    def add_items(self, model: Any, objs: Any) -> None:
        """Index a batch: replace the objects' entries with one DELETE and one bulk INSERT (the stock
        backend UPDATEs existing entries one query at a time)."""
        if not model.get_search_fields():
            return
        indexers = [SQLiteIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = lite.get_content_type_pk(model)
        ids = [indexer.id for indexer in indexers]
        self.entries.filter(content_type_id=content_type_pk, object_id__in=ids)._raw_delete(
            using=self.write_connection.alias
        )
        # One prepared INSERT run per row: bulk_create's per-value expression handling cost more than
        # SQLite's own work (the FTS table follows through its triggers).
        table = lite.IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm) "  # noqa: S608
                "VALUES (%s, %s, %s, %s, %s, 1.0)",
                [
                    (content_type_pk, indexer.id, indexer.title, indexer.autocomplete, indexer.body)
                    for indexer in indexers
                ],
            )
        refresh_title_norms(self)


class SQLiteRebuilder(TitleNormsOnceAfterRebuild, lite.SQLiteSearchRebuilder):
    pass


class SQLiteAtomicRebuilder(TitleNormsOnceAfterRebuild, lite.SQLiteSearchAtomicRebuilder):
    pass


class _SQLiteRanking:
    """Match and score in one FTS5 query; the part shared by search and autocomplete compilers."""

    def match_plan(self) -> tuple[Any, bool] | None:
        """The FTS query annotated with `score` and whether it is negated; None for match-all/none."""
        query = normalize(self.query)
        if isinstance(query, MatchAll) or (isinstance(query, Not) and isinstance(query.subquery, MatchAll)):
            return None
        negated = isinstance(query, Not)
        if negated:
            query = query.subquery
        config = self.get_config(self._backend)
        search_query = self.build_search_query(query, config=config)
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
        index_query = (
            lite.SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model))
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
        )
        return index_query, negated

    def matching(self) -> Any:
        """The caller's queryset narrowed to matches, unordered and unscored (for counts)."""
        plan = self.match_plan()
        if plan is None:
            return None
        index_query, negated = plan
        ids = index_query.values("index_entry__object_id")
        return self.queryset.exclude(pk__in=ids) if negated else self.queryset.filter(pk__in=ids)

    def ranked_keys(self, start: int, stop: int | None) -> list[tuple[Any, float]] | None:
        """(pk, score) of matches in the caller's queryset, best first; None when the stock path applies."""
        plan = self.match_plan()
        if plan is None or plan[1] or not self.order_by_relevance:
            return None
        index_query, _ = plan
        model = self.queryset.model
        candidates = self.queryset.order_by().annotate(_oid=Cast("pk", TextField())).values("_oid")
        # Ties in score go newest-id first, as the stock backend orders them.
        tie = Cast("index_entry__object_id", IntegerField()) if _integer_pk(model) else F("index_entry__object_id")
        rows = (
            index_query.filter(index_entry__object_id__in=candidates)
            .order_by("score", tie.desc())
            .values_list("index_entry__object_id", "score")[start:stop]
        )
        return [(model._meta.pk.to_python(object_id), score) for object_id, score in rows]

    def ranked(self, start: int, stop: int | None, score_field: str | None) -> list[Any] | None:
        """Objects in relevance order, each with its score; None when the stock path applies."""
        keys = self.ranked_keys(start, stop)
        if keys is None:
            return None
        objects = self.queryset.in_bulk([pk for pk, _ in keys]) if keys else {}
        found = []
        for pk, score in keys:
            obj = objects.get(pk)
            if obj is not None:
                if score_field:
                    setattr(obj, score_field, score)
                found.append(obj)
        return found


def _integer_pk(model: Any) -> bool:
    return model._meta.pk.get_internal_type() in {"AutoField", "BigAutoField", "IntegerField", "BigIntegerField"}


class SQLiteQueryCompiler(_SQLiteRanking, lite.SQLiteSearchQueryCompiler):
    pass


class SQLiteAutocompleteQueryCompiler(_SQLiteRanking, lite.SQLiteAutocompleteQueryCompiler):
    pass


class SQLiteSearchResults(lite.SQLiteSearchResults):
    def pks_and_scores(self) -> list[tuple[Any, float | None]]:
        """(pk, score) of this slice of results without loading the objects: callers that only rank
        (search.services) skip building up to a thousand model instances per query."""
        compiler = self.query_compiler
        compiler._backend = self.backend
        keys = compiler.ranked_keys(self.start, self.stop)
        if keys is None:
            return [(obj.pk, getattr(obj, self._score_field or "", None)) for obj in self]
        return keys

    def _do_search(self) -> Any:
        compiler = self.query_compiler
        compiler._backend = self.backend
        found = compiler.ranked(self.start, self.stop, self._score_field)
        return super()._do_search() if found is None else found

    def _do_count(self) -> int:
        compiler = self.query_compiler
        compiler._backend = self.backend
        matching = compiler.matching()
        return super()._do_count() if matching is None else matching.count()


class SQLiteSearchBackend(lite.SQLiteSearchBackend):
    query_compiler_class = SQLiteQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler
    index_class = SQLiteIndex
    results_class = SQLiteSearchResults
    rebuilder_class = SQLiteRebuilder
    atomic_rebuilder_class = SQLiteAtomicRebuilder
