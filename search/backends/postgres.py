"""PostgreSQL variant of search.backends.database: see that module for why."""

from typing import Any, NamedTuple

from django.db.models import Q
from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.index import SearchField
from modelsearch.query import PlainText

from search.backends.index_content import FieldsReadOnce, TitleNormsOnceAfterRebuild, refresh_title_norms


class _Vector(NamedTuple):
    """What the stock indexer would build a SearchVector expression from (see PostgresIndexer)."""

    texts: tuple[str, ...]
    weights: tuple[str, ...]
    autocomplete: bool


class PostgresIndexer(FieldsReadOnce, pg.ObjectIndexer):
    def entry(self, field: Any, value: str) -> tuple:
        # The stock indexer's weights: a search field's boost, "D" for autocomplete.
        return (field, pg.get_weight(field.boost) if isinstance(field, SearchField) else "D", value)

    def as_vector(self, texts: Any, for_autocomplete: bool = False) -> Any:
        # Compiling a Django expression per field and row cost more than the database's to_tsvector;
        # PostgresIndex compiles one per shape (column, weights) and fills in each row's texts.
        kept = [(text.strip(), weight) for text, weight in texts]
        kept = [(text, weight) for text, weight in kept if text]
        return _Vector(tuple(t for t, _ in kept), tuple(w for _, w in kept), for_autocomplete)


class PostgresIndex(pg.PostgresIndex):
    def add_items(self, model: Any, objs: Any) -> None:
        """The stock upsert (one INSERT … ON CONFLICT per batch), with each search field read once and
        the SQL of each vector shape compiled once."""
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
                vector: _Vector = getattr(indexer, name)
                sql, template = self._vector_sql(compiler, indexer, name, vector)
                vectors.append(sql)
                params.extend(vector.texts[item] if isinstance(item, _Text) else item for item in template)
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
        refresh_title_norms(self)

    def _vector_sql(self, compiler: Any, indexer: PostgresIndexer, column: str, vector: _Vector) -> tuple[str, list]:
        """SQL and parameters of the stock indexer's expression for a vector of this shape, compiled
        once per shape; the parameters that are texts are left as _Text(i) for the row's i-th text."""
        cache = self.__dict__.setdefault("_vector_sql_cache", {})
        key = (column, vector.weights, vector.autocomplete)
        if key not in cache:
            markers = [f"\x00exchange-text-{i}\x00" for i in range(len(vector.weights))]
            expression = pg.ObjectIndexer.as_vector(
                indexer, list(zip(markers, vector.weights, strict=True)), for_autocomplete=vector.autocomplete
            )
            value = compiler.prepare_value(pg.IndexEntry._meta.get_field(column), expression)
            sql, value_params = value.as_sql(compiler, self.write_connection)
            where = {marker: _Text(i) for i, marker in enumerate(markers)}
            cache[key] = (sql, [where.get(item, item) if isinstance(item, str) else item for item in value_params])
        return cache[key]


class _Text(int):
    """Position of a row's text among a compiled vector's parameters."""


class PostgresRebuilder(TitleNormsOnceAfterRebuild, pg.PostgresSearchRebuilder):
    pass


class PostgresAtomicRebuilder(TitleNormsOnceAfterRebuild, pg.PostgresSearchAtomicRebuilder):
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
    index_class = PostgresIndex
    results_class = PostgresSearchResults
    rebuilder_class = PostgresRebuilder
    atomic_rebuilder_class = PostgresAtomicRebuilder
