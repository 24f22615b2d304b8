"""The resource filters' vocabulary, read once for every page that filters resources: the search
page's facets (search.params) and the /resources/ listing (resources.filters) take the same URL
parameters with the same values (the bulk import's slugs), checked here.

A value that cannot match (an edited or stale link, a tag the reader may not see) is left out and
reported, never an error: a practitioner still gets a listing.
"""

from typing import Any

from django.core.cache import cache
from django.http import QueryDict
from taggit.models import Tag

from resources.enums import ResourceType
from resources.models import Audience, BoroughPage, CPStage, SoSElement
from resources.tags import readable_tags

# Parameters that take another parameter's vocabulary.
_PARAMETER_VOCABULARY = {"exclude_tag": "tag"}


def known_values(name: str, values: list[str], user: Any = None) -> list[str]:
    """Drop values that cannot match (unknown slugs from edited or stale links) so they are ignored."""
    # isprintable drops NUL and other control characters, which PostgreSQL refuses in a parameter.
    values = list(dict.fromkeys(v.strip() for v in values if v.strip() and v.isprintable()))[:30]
    if not values:
        return []
    name = _PARAMETER_VOCABULARY.get(name, name)
    if name == "type":
        known: set[str] = set(ResourceType.values)
    elif name == "year":
        return [v for v in values if v.isdigit() and len(v) == 4]
    elif name == "tag":
        known = set(readable_tags(user).filter(slug__in=values).values_list("slug", flat=True))
    else:
        known = set(_small_vocabulary(name))
    return [v for v in values if v in known]


def label_for(name: str, value: str) -> str:
    """The readable label of a facet value (for selected values that no result carries any more)."""
    if name == "type":
        return ResourceType(value).label if value in ResourceType.values else value
    if name == "tag":
        return Tag.objects.filter(slug=value).values_list("name", flat=True).first() or value
    if name in _VOCABULARY_MODELS:
        return _small_vocabulary(name).get(value, value)
    return value


_VOCABULARY_MODELS: dict[str, type] = {
    "borough": BoroughPage,
    "stage": CPStage,
    "sos": SoSElement,
    "audience": Audience,
}


def vocabulary_labels(name: str) -> dict[str, str]:
    """Slug → label of a small vocabulary (boroughs, stages, Signs of Safety elements, audiences), cached."""
    return _small_vocabulary(name)


def _small_vocabulary(name: str) -> dict[str, str]:
    """Slug → label of a small, rarely changing vocabulary, cached for a few minutes to spare a query per search."""
    key = f"search:labels:{name}"
    labels = cache.get(key)
    if labels is None:
        model = _VOCABULARY_MODELS[name]
        label_field = "title" if model is BoroughPage else "name"
        labels = dict(model.objects.values_list("slug", label_field))
        cache.set(key, labels, 300)
    return labels


def read_filters(
    params: QueryDict, names: list[str], user: Any = None
) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """(known values of each parameter in ``names``, the (parameter, value) pairs left out)."""
    selected = {name: known_values(name, params.getlist(name), user) for name in names}
    dropped = [
        (name, value)
        for name in names
        for value in dict.fromkeys(v.strip() for v in params.getlist(name) if v.strip())
        if value not in selected[name]
    ]
    return selected, dropped
