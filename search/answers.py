"""Search answers kept between requests, so a search asked again costs only its page of results.

What a search costs at network scale is the engine ranking every match and the facet counts
over them (about 200 ms for a three-facet search over 10,000 resources on PostgreSQL); the
page of results shown is cheap. Practitioners ask the same things many times a day ("neglect",
"strategy meeting", a borough's S47 guidance), so the expensive part, the answer, is kept:
the ranked ids, the facet counts and the spelling help, but never the results' text, which is
read fresh for the page shown.

An answer is keyed by the page cache's generation (caching.services), which every publish,
unpublish, move, delete, tag, vocabulary, restriction, synonym or promotion change moves on,
so no answer outlives the data it was computed from; by who may read what (the tree paths
hidden from the asker), so a members-only resource never reaches another reader through
a shared answer; and by everything in the URL that changes the answer (not the page number).
Kept for SEARCH_CACHE_SECONDS (default CACHE_SECONDS: on only with a shared cache, because a
purge in one process must reach every other).
"""

import hashlib
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from taggit.models import Tag

from caching.services import generation
from core.visibility import hidden_paths_for
from search.params import SearchParams
from search.query import ParsedQuery

logger = logging.getLogger(__name__)


@dataclass
class Answer:
    """Everything about a search that does not depend on the page of results being shown."""

    parsed: ParsedQuery | None
    # Engine matches (pk, score) in rank order, editors' promotions first; None when browsing.
    ranked: list[tuple[int, float | None]] | None
    # In relevance order: every result that passes the filters, in the order shown; else None
    # (newest first is read from the database page by page).
    ordered: list[tuple[int, float | None]] | None
    facets: dict[str, list[Any]]
    promoted: list[int] = field(default_factory=list)
    degraded: bool = False
    loose: bool = False
    suggestion: str | None = None
    closest_tags: list[Tag] = field(default_factory=list)
    most_restrictive: tuple[str, str] | None = None
    engine_ms: float = 0.0
    facets_ms: float = 0.0
    # Publishers named in the query (slug, title); `whole_boroughs`: those whose every resource is a
    # match (the query was only their names).
    named_boroughs: list[tuple[str, str]] = field(default_factory=list)
    whole_boroughs: list[str] = field(default_factory=list)


def enabled() -> bool:
    return settings.SEARCH_CACHE_SECONDS > 0


def key_for(params: SearchParams, user: Any) -> str | None:
    """The cache key of this search's answer for this reader; None when answers are not kept."""
    if not enabled():
        return None
    try:
        current = generation()
    except Exception:  # no cache to key by: answer without it
        logger.exception("Search answers are not kept: the cache did not answer")
        return None
    asked = {
        "q": params.query,
        "selected": {name: sorted(values) for name, values in sorted(params.selected.items()) if values},
        "excluded": sorted(params.excluded_tags),
        "sort": params.sort,
        "hidden": sorted(hidden_paths_for(user or AnonymousUser())),
    }
    digest = hashlib.sha256(json.dumps(asked, sort_keys=True).encode()).hexdigest()
    return f"search:answer:{current}:{digest}"


def get(key: str | None) -> Answer | None:
    if key is None:
        return None
    try:
        found = cache.get(key)
    except Exception:  # an unreachable cache slows search down, it never stops it
        logger.exception("Could not read a kept search answer")
        return None
    return found if isinstance(found, Answer) else None


def put(key: str | None, answer: Answer) -> None:
    if key is None or answer.degraded:  # an answer from the fallback engine is not kept
        return
    try:
        cache.set(key, answer, settings.SEARCH_CACHE_SECONDS)
    except Exception:
        logger.exception("Could not keep a search answer")
