"""Links that add or remove one search parameter while keeping the rest, so every search is a link."""

from collections.abc import Sequence
from typing import Any

from django import template
from django.http import QueryDict
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import slugify

from search.facets import FACETS_BY_NAME

register = template.Library()


def _copy(params: QueryDict) -> QueryDict:
    """A mutable copy without QueryDict.copy()'s deepcopy, which cost most of a search page's
    rendering: an unfiltered search links every one of up to 300 topics."""
    copied = QueryDict(mutable=True)
    for key, values in params.lists():
        copied.setlist(key, list(values))
    return copied


@register.simple_tag
def without_param(params: QueryDict, name: str, value: str = "") -> str:
    """The query string with one value of `name` removed (all of them if no value), back at page 1."""
    updated = _copy(params)
    updated.pop("page", None)
    if value:
        updated.setlist(name, [v for v in params.getlist(name) if v != value])
    else:
        updated.pop(name, None)
    return "?" + updated.urlencode()


@register.simple_tag
def with_param(params: QueryDict, name: str, value: str, replace: bool = False) -> str:
    """The query string with `name=value` added (or replacing existing values), back at page 1."""
    updated = _copy(params)
    updated.pop("page", None)
    values = [] if replace else [v for v in params.getlist(name) if v != value]
    updated.setlist(name, [*values, value])
    return "?" + updated.urlencode()


@register.simple_tag
def facet_checkboxes(name: str, options: Sequence[Any], params: QueryDict) -> SafeString:
    """One facet's GOV.UK checkboxes (and, for topics, each one's Exclude link). Built here rather
    than in a template loop: an unfiltered search lists every topic, and at 300 topics the loop
    took 26 ms of a 55 ms page."""
    parts = []
    # The most used values first; the rest fold into a <details> (works without JavaScript).
    shown = FACETS_BY_NAME[name].show if name in FACETS_BY_NAME else None
    folded = shown is not None and len(options) > shown
    for position, option in enumerate(options, start=1):
        if folded and position == shown + 1:
            parts.append(
                format_html(
                    '<details class="govuk-details govuk-!-margin-bottom-2" data-facet="{}"{}>'
                    '<summary class="govuk-details__summary"><span class="govuk-details__summary-text">'
                    "{} more {}</span></summary>",
                    name,
                    # A ticked value is never hidden away.
                    SafeString(" open") if any(o.selected for o in options[shown:]) else "",
                    len(options) - shown,
                    FACETS_BY_NAME[name].plural,
                )
            )
        ident = f"f-{name}-{slugify(option.value)}"
        parts.append(
            format_html(
                '<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" type="checkbox" id="{}"'
                ' name="{}" value="{}"{}><label class="govuk-label govuk-checkboxes__label" for="{}">{} '
                '<span class="app-count">({})</span></label></div>',
                ident,
                name,
                option.value,
                SafeString(" checked") if option.selected else "",
                ident,
                option.label,
                option.count,
            )
        )
        if name == "tag" and not option.selected:
            parts.append(
                format_html(
                    '<a class="govuk-link app-filter-panel__exclude" id="x-{}" href="{}">Exclude'
                    '<span class="govuk-visually-hidden"> {}</span></a>',
                    slugify(option.value),
                    with_param(params, "exclude_tag", option.value),
                    option.label,
                )
            )
    if folded:
        parts.append(SafeString("</details>"))
    return format_html_join("\n", "{}", ((part,) for part in parts))
