"""Links that add or remove one search parameter while keeping the rest, so every search is a link."""

from django import template
from django.http import QueryDict

register = template.Library()


@register.simple_tag
def without_param(params: QueryDict, name: str, value: str = "") -> str:
    """The query string with one value of `name` removed (all of them if no value), back at page 1."""
    updated = params.copy()
    updated.pop("page", None)
    if value:
        updated.setlist(name, [v for v in params.getlist(name) if v != value])
    else:
        updated.pop(name, None)
    return "?" + updated.urlencode()


@register.simple_tag
def with_param(params: QueryDict, name: str, value: str, replace: bool = False) -> str:
    """The query string with `name=value` added (or replacing existing values), back at page 1."""
    updated = params.copy()
    updated.pop("page", None)
    values = [] if replace else [v for v in params.getlist(name) if v != value]
    updated.setlist(name, [*values, value])
    return "?" + updated.urlencode()
