"""The search page's facets, as data: each knows its URL parameter, how to filter and how to count.

A facet's name is its URL parameter and its values are the bulk import's slugs, so
`?borough=hackney&tag=minutes&type=sos-tool` means the same everywhere.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import CharField, Count, F, IntegerField, QuerySet, Value
from django.db.models.functions import Cast, ExtractYear

from resources.enums import ResourceType
from resources.models import ResourcePage, ResourcePageTag
from resources.querysets import ResourcePageQuerySet

Option = tuple[str, str, int]  # (value, label, count)


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    apply: Callable[[ResourcePageQuerySet, list[str]], ResourcePageQuerySet]
    # Rows (value, label, sort key, count) for resources, grouped in the database; see count_all.
    counts: Callable[[ResourcePageQuerySet], QuerySet]
    show: int | None = None  # how many options (the most used) to show before "N more"
    plural: str = "options"  # what "N more …" calls the folded options
    order: Callable[[tuple[str, str, int, int]], Any] = lambda row: (row[2], row[1])  # (value, label, sort, n)


def _grouped(rows: QuerySet, value: Any, label: Any, sort: Any, counted: str, distinct: bool = False) -> QuerySet:
    """Rows as (value, label, sort key, count) with the same column types for every facet, so that
    all facets' counts can be one UNION ALL query. Counts are plain COUNTs unless ``distinct``: each
    row is one resource (or one unique resource–term pair) already."""
    return (
        rows.order_by()
        .annotate(_v=Cast(value, CharField()), _l=Cast(label, CharField()), _s=Cast(sort, IntegerField()))
        .values("_v", "_l", "_s")
        .annotate(_n=Count(counted, distinct=distinct))
        .values_list("_v", "_l", "_s", "_n")
    )


def _by_term(through: str, term: str) -> Callable[[ResourcePageQuerySet], QuerySet]:
    def counts(resources: ResourcePageQuerySet) -> QuerySet:
        model = getattr(ResourcePage, through).through
        rows = model.objects.filter(resourcepage_id__in=resources.values("pk"))
        return _grouped(rows, F(f"{term}__slug"), F(f"{term}__name"), F(f"{term}__sort_order"), "resourcepage_id")

    return counts


def _filter_terms(relation: str) -> Callable[[ResourcePageQuerySet, list[str]], ResourcePageQuerySet]:
    def apply(resources: ResourcePageQuerySet, values: list[str]) -> ResourcePageQuerySet:
        matching = ResourcePage.objects.filter(**{f"{relation}__slug__in": values}).values("pk")
        return resources.filter(pk__in=matching)

    return apply


def _count_tags(resources: ResourcePageQuerySet) -> QuerySet:
    rows = ResourcePageTag.objects.filter(content_object__in=resources.values("pk"))
    # Taggit's through table has no unique constraint, so a resource is counted once per tag explicitly.
    return _grouped(rows, F("tag__slug"), F("tag__name"), Value(0), "content_object", distinct=True)


def _count_boroughs(resources: ResourcePageQuerySet) -> QuerySet:
    rows = resources.filter(borough__isnull=False)
    return _grouped(rows, F("borough__slug"), F("borough__title"), Value(0), "pk")


_TYPE_ORDER = {value: position for position, value in enumerate(ResourceType.values)}


def _count_types(resources: ResourcePageQuerySet) -> QuerySet:
    return _grouped(resources, F("resource_type"), F("resource_type"), Value(0), "pk")


class _Year(ExtractYear):
    """The year of a date. On SQLite, read from the stored ISO text in SQL: Django's ExtractYear calls a
    Python function once per row there, which made the year facet the slowest at 10,000 resources."""

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        sql, params = compiler.compile(self.lhs)
        return f"CAST(substr({sql}, 1, 4) AS integer)", params


def _count_years(resources: ResourcePageQuerySet) -> QuerySet:
    year = _Year("published_date")
    return _grouped(resources, year, year, year, "pk")


def _filter_years(resources: ResourcePageQuerySet, values: list[str]) -> ResourcePageQuerySet:
    years = [int(v) for v in values if v.isdigit() and len(v) == 4]
    return resources.filter(published_date__year__in=years) if years else resources.none()


# In the order shown: what practitioners narrow by most (publisher, kind, stage) before topics.
FACETS: tuple[Facet, ...] = (
    Facet("borough", "Borough", lambda qs, v: qs.in_boroughs(v), _count_boroughs, order=lambda r: r[1]),
    Facet(
        "type", "Resource type", lambda qs, v: qs.of_type(*v), _count_types, order=lambda r: _TYPE_ORDER.get(r[0], 99)
    ),
    Facet("stage", "Child-protection stage", _filter_terms("cp_stages"), _by_term("cp_stages", "cpstage")),
    Facet(
        "tag", "Topic", lambda qs, v: qs.tagged(*v), _count_tags, show=8, plural="topics", order=lambda r: (-r[3], r[1])
    ),
    Facet("sos", "Signs of Safety element", _filter_terms("sos_elements"), _by_term("sos_elements", "soselement")),
    Facet("audience", "Audience", _filter_terms("audiences"), _by_term("audiences", "audience")),
    Facet("year", "Year published", _filter_years, _count_years, order=lambda r: -r[2]),
)
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}


def count_all(scopes: dict[str, ResourcePageQuerySet]) -> dict[str, list[Option]]:
    """Every facet's options with counts, each facet over its own scope, in one query: a UNION ALL of
    one GROUP BY per facet (the facet's position tags its rows)."""
    parts = [
        FACETS_BY_NAME[name].counts(resources).annotate(_f=Value(position)).values_list("_f", "_v", "_l", "_s", "_n")
        for position, (name, resources) in enumerate(scopes.items())
    ]
    if not parts:
        return {}
    names = list(scopes)
    rows: dict[str, list[tuple[str, str, int, int]]] = {name: [] for name in names}
    for position, value, label, sort, count in parts[0].union(*parts[1:], all=True):
        if count:
            rows[names[position]].append((value, label, sort, count))
    return {
        name: [
            (value, _type_label(value) if name == "type" else label, count)
            for value, label, _, count in sorted(rows[name], key=FACETS_BY_NAME[name].order)
        ]
        for name in names
    }


def _type_label(value: str) -> str:
    return ResourceType(value).label if value in ResourceType.values else value
