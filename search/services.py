"""The one entry point to the search backend. Views, JSON and tag pages call this; nothing else
talks to the backend, so swapping the database backend for Elasticsearch changes nothing outside."""

import re
from dataclasses import dataclass
from typing import Any

from resources.models import ResourcePage

MAX_QUERY_LENGTH = 200
# Characters the backends treat as syntax (FTS5 and Lucene operators, quotes, brackets).
# Practitioners type words, not query syntax, so these become spaces before searching.
_SYNTAX = re.compile(r"[^\w\s'.\-]", re.UNICODE)


@dataclass
class SearchOutcome:
    query: str
    truncated: bool
    results: Any


def clean_query(raw: str) -> tuple[str, bool]:
    """Strip control characters and cut over-long queries; returns (query, was_truncated)."""
    text = "".join(ch for ch in raw if ch.isprintable()).strip()
    return text[:MAX_QUERY_LENGTH], len(text) > MAX_QUERY_LENGTH


def search_resources(raw_query: str) -> SearchOutcome:
    """Live, public resources matching the query (all resources, newest first, when it is empty)."""
    query, truncated = clean_query(raw_query)
    resources = ResourcePage.objects.live().public()
    if not query:
        return SearchOutcome(query, truncated, resources.newest().for_listing())
    terms = " ".join(_SYNTAX.sub(" ", query).split())
    if not terms:
        return SearchOutcome(query, truncated, resources.none())
    results = resources.for_listing().search(terms, operator="and")
    return SearchOutcome(query, truncated, results)
