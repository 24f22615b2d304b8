"""The JSON form of a search: everything the page shows, for other tools and the typeahead."""

from typing import Any

from search.services import SearchResponse


def search_json(response: SearchResponse) -> dict[str, Any]:
    return {
        "query": response.params.query,
        "truncated": response.params.truncated,
        "total": response.total,
        "page": response.page.number,
        "pages": response.page.paginator.num_pages,
        "sort": response.params.sort,
        "took_ms": response.took_ms,
        "degraded": response.degraded,
        "matched_any_word": response.matched_any_word,
        "suggestion": response.suggestion,
        "results": [
            {
                "id": result.resource.pk,
                "title": result.resource.title,
                "url": result.resource.url,
                "borough": result.resource.borough.title if result.resource.borough else None,
                "type": result.resource.resource_type,
                "tags": [tag.slug for tag in result.resource.tags.all()],
                "snippet": str(result.snippet),
                "score": result.score,
                "matched_in_attachment": result.matched_attachment,
                "promoted": result.promoted,
            }
            for result in response.results
        ],
        "facets": {
            name: [{"value": o.value, "label": o.label, "count": o.count, "selected": o.selected} for o in options]
            for name, options in response.facets.items()
        },
        "excluded_tags": response.params.excluded_tags,
        "named_boroughs": [{"value": slug, "label": title} for slug, title in response.named_boroughs],
    }
