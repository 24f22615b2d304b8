"""Reading search parameters from a URL: every value a person can type or edit is checked here."""

from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict

from resources.vocabulary import read_filters
from search.facets import FACETS

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 20
SORTS = ("relevance", "newest")


@dataclass
class SearchParams:
    query: str = ""
    truncated: bool = False
    selected: dict[str, list[str]] = field(default_factory=dict)
    excluded_tags: list[str] = field(default_factory=list)
    sort: str = "relevance"
    page: str | None = None
    # (parameter, value) pairs from the URL that match nothing on the exchange and were left out.
    dropped: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def from_querydict(cls, params: QueryDict, user: Any = None) -> "SearchParams":
        """The search asked for; tags ``user`` may not read are dropped like unknown ones."""
        query, truncated = clean_query(params.get("q", ""))
        selected, dropped = read_filters(params, [*(facet.name for facet in FACETS), "exclude_tag"], user)
        excluded = selected.pop("exclude_tag")
        dropped = dropped[:10]
        sort = params.get("sort", "")
        return cls(
            query=query,
            truncated=truncated,
            selected={name: values for name, values in selected.items() if values},
            excluded_tags=excluded,
            sort=sort if sort in SORTS else ("relevance" if query else "newest"),
            page=params.get("page"),
            dropped=dropped,
        )

    def as_filters(self) -> dict[str, list[str]]:
        """What was selected, as recorded in the search log and echoed in JSON."""
        filters = dict(self.selected)
        if self.excluded_tags:
            filters["exclude_tag"] = self.excluded_tags
        return filters


def clean_query(raw: str) -> tuple[str, bool]:
    """Strip control characters (NUL included) and cut over-long queries; returns (query, was_truncated)."""
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in raw).split())
    return text[:MAX_QUERY_LENGTH], len(text) > MAX_QUERY_LENGTH
