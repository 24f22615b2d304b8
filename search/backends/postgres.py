"""PostgreSQL variant of search.backends.database: see that module for why."""

from typing import Any

from django.db.models import Q
from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.query import PlainText

from search.backends.indexing import FieldsReadOnce


class PostgresIndexer(FieldsReadOnce, pg.ObjectIndexer):
    pass


class PostgresQueryCompiler(pg.PostgresSearchQueryCompiler):
    def search(self, config: Any, start: int, stop: int | None, score_field: str | None = None, backend: Any = None):
        query = self.query
        plain = isinstance(query, PlainText) or type(query).__name__ in {"And", "Or", "Phrase"}
        if self.fields is not None or not plain:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(query, config=config)
        rank_expression = self._build_rank_expression(self.get_search_vectors(search_query), config)
        # Each column on its own so its GIN index answers; nothing but the id and score is selected.
        matches = Q(index_entries__title=search_query) | Q(index_entries__body=search_query)
        queryset = self.queryset.filter(matches)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class PostgresSearchResults(pg.PostgresSearchResults):
    def pks_and_scores(self) -> list[tuple[Any, float | None]]:
        """(pk, score) of this slice of results without loading the objects (see SQLiteSearchResults)."""
        score_field = self._score_field or "_exchange_score"
        results = self._clone()
        results._score_field = score_field
        return list(results.get_queryset().values_list("pk", score_field))


class PostgresSearchBackend(pg.PostgresSearchBackend):
    query_compiler_class = PostgresQueryCompiler
    results_class = PostgresSearchResults
