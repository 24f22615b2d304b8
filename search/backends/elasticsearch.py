"""Wagtail's Elasticsearch 9 backend (modelsearch), with filters on a page's id kept and ranking in one request.

Configured as ``search.backends.elasticsearch`` in WAGTAILSEARCH_BACKENDS (the default when
SEARCH_URL is set). It indexes and answers as the stock backend does, except:

- Filters on the primary key of a page type (``ResourcePage.objects.filter(pk__in=…)``, also
  ``id__in``, ``exclude(pk=…)``) reach Elasticsearch. The stock compiler skips every
  column ending in ``_ptr_id`` (a child page's primary key is ``page_ptr_id``, and Django trims
  ``id`` to that column too), so the query went out unfiltered: the engine's best N matches of
  the whole index came back and the database then kept only those inside the filter, so a search
  inside a few thousand candidates found nothing whenever they ranked below N. Here such a filter
  becomes a ``terms`` filter on the document's ``pk`` field, which every document has (a keyword
  holding ``str(obj.pk)``).
- ``pks_and_scores()`` returns (pk, score) pairs from one search request of the slice's size;
  the stock results page through the scroll API 100 hits at a time beyond 100 and load each page's
  objects from the database (eleven requests and ten queries for a thousand matches).
- One client (and so one pool of kept-alive connections) per process and configuration: the stock
  backend builds a new client for every ``get_search_backend()`` call, i.e. for every search
  (1.7 ms and a new connection each time).
- Each results object keeps Elasticsearch's own ``took`` (milliseconds spent in the engine, as
  the engine reports it) from the responses it read: the benchmark's raw engine figure.
"""

import os
from typing import Any

from django.db.models import Subquery
from django.db.models.expressions import Col
from django.db.models.lookups import Lookup
from django.db.models.sql import Query
from elasticsearch import Elasticsearch
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
    Elasticsearch9SearchResults,
)


def _is_own_parent_link(column: Any, query: Query) -> bool:
    """Whether a filter's left-hand side is the searched model's own pointer to its parent, i.e. its
    primary key (not a pointer column of some joined model, which says nothing about these documents)."""
    if not isinstance(column, Col) or column.alias != query.base_table:
        return False
    remote = getattr(column.target, "remote_field", None)
    return bool(getattr(column.target, "one_to_one", False) and remote and getattr(remote, "parent_link", False))


class PrimaryKeyFilters:
    """Query compiler mixin: translate `exact`/`in` filters on the parent pointer into filters on `pk`."""

    def _get_filters_from_where_node(self, where_node: Any, check_only: bool = False) -> Any:
        if (
            isinstance(where_node, Lookup)
            and where_node.lookup_name in ("exact", "in")
            # A subquery would cost a database query per engine call (the search page makes up to
            # three); left out as upstream leaves it, the database applies it to the ranked ids.
            and not isinstance(where_node.rhs, (Query, Subquery))
            and _is_own_parent_link(where_node.lhs, self.queryset.query)
        ):
            if check_only:
                return None
            values = list(where_node.rhs) if where_node.lookup_name == "in" else [where_node.rhs]
            # The document id and its `pk` field are str(obj.pk) (ElasticsearchBaseMapping.get_document).
            return {"terms": {"pk": [str(value) for value in values if value is not None]}}
        # Anything else on the pointer (ranges, isnull, subqueries) is still skipped, as upstream does.
        return super()._get_filters_from_where_node(where_node, check_only=check_only)


class SearchQueryCompiler(PrimaryKeyFilters, Elasticsearch9SearchQueryCompiler):
    pass


class AutocompleteQueryCompiler(PrimaryKeyFilters, Elasticsearch9AutocompleteQueryCompiler):
    pass


class SearchResults(Elasticsearch9SearchResults):
    took_ms: float = 0.0

    def _backend_do_search(self, body: dict[str, Any], **kwargs: Any) -> Any:
        response = super()._backend_do_search(body, **kwargs)
        self.took_ms += response.get("took", 0)
        return response

    def pks_and_scores(self) -> list[tuple[int, float | None]]:
        """(pk, score) of this slice of results in one request, without loading the objects.

        The slice must be bounded (search.services asks for at most MAX_MATCHES, well under
        Elasticsearch's index.max_result_window of 10,000)."""
        if self.stop is None:
            raise ValueError("pks_and_scores() needs a bounded slice, e.g. results[:1000]")
        size = self.stop - self.start
        if size <= 0:
            return []
        compiler = self.query_compiler
        response = self._backend_do_search(
            self._get_es_body(),
            index=self.backend.get_index_for_model(compiler.queryset.model).name,
            _source=False,
            # `pk` from its doc values (column storage) rather than as a stored field, and no `_id`:
            # loading stored fields for a thousand hits cost most of the engine's own time.
            stored_fields="_none_",
            docvalue_fields=["pk"],
            from_=self.start,
            size=size,
            # The total is not needed: counting every match exactly costs time on large indexes.
            track_total_hits=False,
        )
        pk_field = compiler.queryset.model._meta.pk
        return [(pk_field.to_python(hit["fields"]["pk"][0]), hit["_score"]) for hit in response["hits"]["hits"]]


_clients: dict[tuple[int, str], Elasticsearch] = {}


def shared_client(**options: Any) -> Elasticsearch:
    """The client for these options in this process, built once. Keyed by process id too: a client
    made before a server forks its workers must not share its sockets with them."""
    key = (os.getpid(), repr(sorted(options.items())))
    client = _clients.get(key)
    if client is None:
        client = _clients[key] = Elasticsearch(**options)
    return client


class ElasticsearchSearchBackend(Elasticsearch9SearchBackend):
    client_class = staticmethod(shared_client)
    query_compiler_class = SearchQueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
    results_class = SearchResults


SearchBackend = ElasticsearchSearchBackend
