"""The search page's facets, as data: each knows its URL parameter, how to filter and how to count.

A facet's name is its URL parameter and its values are the bulk import's slugs, so
`?borough=hackney&tag=minutes&type=sos-tool` means the same everywhere.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from taggit.models import Tag

from resources.enums import ResourceType
from resources.models import Audience, BoroughPage, CPStage, ResourcePageTag, SoSElement
from resources.querysets import ResourcePageQuerySet

Option = tuple[str, str, int]  # (value, label, count)


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    apply: Callable[[ResourcePageQuerySet, list[str]], ResourcePageQuerySet]
    count: Callable[[ResourcePageQuerySet], list[Option]]
    show: int | None = None  # how many options to show before "show all"


def _by_term(model: type, relation: str) -> Callable[[ResourcePageQuerySet], list[Option]]:
    def count(resources: ResourcePageQuerySet) -> list[Option]:
        terms = model.objects.annotate(
            n=Count(relation, filter=Q(**{f"{relation}__in": resources.values("pk")}), distinct=True)
        ).filter(n__gt=0)
        return [(t.slug, t.name, t.n) for t in terms.order_by("sort_order", "name")]

    return count


def _filter_terms(relation: str) -> Callable[[ResourcePageQuerySet, list[str]], ResourcePageQuerySet]:
    def apply(resources: ResourcePageQuerySet, values: list[str]) -> ResourcePageQuerySet:
        from resources.models import ResourcePage

        matching = ResourcePage.objects.filter(**{f"{relation}__slug__in": values}).values("pk")
        return resources.filter(pk__in=matching)

    return apply


def _count_tags(resources: ResourcePageQuerySet) -> list[Option]:
    rows = (
        ResourcePageTag.objects.filter(content_object__in=resources.values("pk"))
        .values("tag__slug", "tag__name")
        .annotate(n=Count("content_object", distinct=True))
        .order_by("-n", "tag__name")
    )
    return [(r["tag__slug"], r["tag__name"], r["n"]) for r in rows]


def _count_boroughs(resources: ResourcePageQuerySet) -> list[Option]:
    rows = (
        BoroughPage.objects.annotate(n=Count("resources", filter=Q(resources__in=resources.values("pk"))))
        .filter(n__gt=0)
        .values_list("slug", "title", "n")
        .order_by("title")
    )
    return list(rows)


def _count_types(resources: ResourcePageQuerySet) -> list[Option]:
    counts = dict(resources.order_by().values_list("resource_type").annotate(n=Count("pk")))
    return [(value, label, counts[value]) for value, label in ResourceType.choices if counts.get(value)]


def _count_years(resources: ResourcePageQuerySet) -> list[Option]:
    rows = (
        resources.order_by()
        .annotate(year=ExtractYear("published_date"))
        .values_list("year")
        .annotate(n=Count("pk"))
        .order_by("-year")
    )
    return [(str(year), str(year), n) for year, n in rows]


def _filter_years(resources: ResourcePageQuerySet, values: list[str]) -> ResourcePageQuerySet:
    years = [int(v) for v in values if v.isdigit() and len(v) == 4]
    return resources.filter(published_date__year__in=years) if years else resources.none()


FACETS: tuple[Facet, ...] = (
    Facet("tag", "Topic", lambda qs, v: qs.tagged(*v), _count_tags, show=15),
    Facet("borough", "Borough", lambda qs, v: qs.in_boroughs(v), _count_boroughs),
    Facet("type", "Resource type", lambda qs, v: qs.of_type(*v), _count_types),
    Facet("stage", "Child-protection stage", _filter_terms("cp_stages"), _by_term(CPStage, "resources")),
    Facet("sos", "Signs of Safety element", _filter_terms("sos_elements"), _by_term(SoSElement, "resources")),
    Facet("audience", "Audience", _filter_terms("audiences"), _by_term(Audience, "resources")),
    Facet("year", "Year published", _filter_years, _count_years),
)
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}


def known_values(name: str, values: list[str]) -> list[str]:
    """Drop values that cannot match (unknown slugs from edited or stale links) so they are ignored."""
    # isprintable drops NUL and other control characters, which PostgreSQL refuses in a parameter.
    values = list(dict.fromkeys(v.strip() for v in values if v.strip() and v.isprintable()))[:30]
    if not values:
        return []
    if name == "type":
        known: set[str] = set(ResourceType.values)
    elif name == "year":
        return [v for v in values if v.isdigit() and len(v) == 4]
    elif name == "tag":
        known = set(Tag.objects.filter(slug__in=values).values_list("slug", flat=True))
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
