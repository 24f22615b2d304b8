"""PostgreSQL variant of search.backends.database: see that module for why."""

from typing import Any

from django.db.models import Q
from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.query import PlainText

from search.backends.indexing import FieldsReadOnce


class PostgresIndexer(FieldsReadOnce, pg.ObjectIndexer):
    pass


class PostgresIndex(pg.PostgresIndex):
    def add_items(self, model: Any, objs: Any) -> None:
        """The stock upsert (one INSERT … ON CONFLICT per batch), with each search field read once."""
        if not model.get_search_fields():
            return
        indexers = [PostgresIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = pg.get_content_type_pk(model)
        compiler = pg.InsertQuery(pg.IndexEntry).get_compiler(connection=self.write_connection)
        rows_sql: list[str] = []
        params: list[Any] = []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(pg.IndexEntry._meta.get_field(name), getattr(indexer, name))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows_sql.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        table = pg.IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm, "
                f"title_text, body_text) (VALUES {', '.join(rows_sql)}) "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, "
                "autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
                "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )
        self._refresh_title_norms()


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
    index_class = PostgresIndex
    results_class = PostgresSearchResults
