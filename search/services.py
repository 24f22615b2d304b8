"""The one entry point to the search backend.

Views, JSON, tag pages and typeahead call these functions; nothing else talks to the
backend, and nothing else needs to know which backend is configured.
"""

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef
from django.utils.safestring import SafeString
from taggit.models import Tag
from wagtail.search.backends import get_search_backend

from resources.models import ResourcePage
from resources.querysets import ResourcePageQuerySet
from resources.vocabulary import label_for
from search import answers
from search.facets import FACETS, Option, count_all
from search.highlight import contains_any, snippet
from search.matching import attachment_matches, closest_tags, matches_page_text, promoted_pages
from search.params import PAGE_SIZE, SearchParams
from search.places import named_boroughs, with_own_resources
from search.query import ParsedQuery, parse
from search.query_log import record_search
from search.spelling import suggest as suggest_spelling

logger = logging.getLogger(__name__)

# Ranking happens in the engine; facets and filters on its best matches happen in the database.
MAX_MATCHES = 1000
# When the engine's best MAX_MATCHES are not all its matches, filters could leave nothing of
# them although matches pass the filters further down: if the filters alone select at most
# this many resources, the engine is asked again inside those (one more call).
MAX_FILTERED_CANDIDATES = 5000


@dataclass
class Result:
    resource: ResourcePage
    score: float | None
    snippet: SafeString
    matched_attachment: str | None = None
    promoted: bool = False


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResponse:
    params: SearchParams
    page: Page
    results: list[Result]
    facets: dict[str, list[FacetOption]]
    took_ms: float
    suggestion: str | None = None
    degraded: bool = False
    matched_any_word: bool = False
    closest_tags: list[Tag] = field(default_factory=list)
    most_restrictive: tuple[str, str] | None = None  # (facet name, value) whose removal helps most
    # Publishers named in the query (slug, title): their resources lead, and their filter is offered.
    named_boroughs: list[tuple[str, str]] = field(default_factory=list)
    # Milliseconds spent in the engine (every backend call) and on facet counts: the benchmark's
    # "search page ÷ raw engine" ratio and facet cost come from here.
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.page.paginator.count

    @property
    def offered_boroughs(self) -> list[tuple[str, str]]:
        """Publishers named in the query whose filter is not on yet (offered as a link)."""
        chosen = self.params.selected.get("borough", [])
        return [(slug, title) for slug, title in self.named_boroughs if slug not in chosen]


def search(params: SearchParams, *, log: bool = True, user: Any = None) -> SearchResponse:
    """Run one search: the query through the engine, filters and facet counts in the database.

    Only what ``user`` may read is searched (anonymous when None), so members-only resources
    never reach results, facet counts or JSON for anyone else. The answer (ranking, facet counts,
    spelling help) is kept for the same search by readers who may read the same (search.answers);
    the page of results is read fresh every time.
    """
    started = time.perf_counter()
    base = ResourcePage.objects.live().visible_to(user)
    if params.excluded_tags:
        base = base.exclude(pk__in=ResourcePage.objects.tagged(*params.excluded_tags).values("pk"))
    key = answers.key_for(params, user)
    answer = answers.get(key)
    kept = answer is not None
    if answer is None:
        answer = _answer(params, base)
        answers.put(key, answer)
    # Answers kept from before boroughs were recognised have no such attribute.
    named = getattr(answer, "named_boroughs", [])
    page, scores = _page(params, base, answer)
    results = _results(page, scores, answer.parsed, [slug for slug, _ in named])
    for result in results:
        result.promoted = result.resource.pk in answer.promoted
    response = SearchResponse(
        params,
        page,
        results,
        answer.facets,
        0.0,
        suggestion=answer.suggestion,
        degraded=answer.degraded,
        matched_any_word=answer.loose,
        closest_tags=answer.closest_tags,
        most_restrictive=answer.most_restrictive,
        named_boroughs=named,
    )
    response.took_ms = round((time.perf_counter() - started) * 1000, 1)
    response.timings = {
        "engine_ms": 0.0 if kept else answer.engine_ms,
        "facets_ms": 0.0 if kept else answer.facets_ms,
        "total_ms": response.took_ms,
        "kept_answer": kept,
    }
    if log and params.page in (None, "", "1"):
        record_search(params.query, params.as_filters(), response.total)
    return response


def _answer(params: SearchParams, base: ResourcePageQuerySet) -> answers.Answer:
    """What the engine and the facet counts say about this search, independent of the page shown
    (``base``: what the reader may read, without excluded topics)."""
    named = named_boroughs(params.query) if params.query else None
    # Beside a publisher's name, the other words are the search and the publisher's resources among
    # the matches lead (they need not mention its name); a name alone also finds every one of them.
    parsed = parse(named.rest if named and named.rest else params.query) if params.query else None
    whole = named.slugs if named and not named.rest else []
    engine_started = time.perf_counter()
    ranked, degraded, loose = _engine_matches(base, parsed)
    engine_ms = (time.perf_counter() - engine_started) * 1000
    promoted = promoted_pages(params.query) if parsed else []
    if promoted and ranked is not None:
        ranked = [(pk, None) for pk in promoted] + [item for item in ranked if item[0] not in promoted]
    scope = _scope(base, ranked, whole)
    within = _within_filters(base, parsed, params.selected, ranked)
    if within:
        ranked = [(pk, None) for pk in promoted] + [item for item in within if item[0] not in promoted]
    filtered = _apply(_scope(base, ranked, whole) if within else scope, params.selected)
    ordered = None
    if ranked is not None and params.sort == "relevance":
        terms = parsed.highlight_terms if parsed else []
        ordered = _relevance_order(filtered, ranked, terms, promoted, named.slugs if named else [])
    facets_started = time.perf_counter()
    facets = _facets(scope, params.selected)
    facets_ms = (time.perf_counter() - facets_started) * 1000
    answer = answers.Answer(
        parsed, ranked, ordered, facets, promoted, degraded, loose, engine_ms=engine_ms, facets_ms=facets_ms
    )
    if named:
        answer.named_boroughs, answer.whole_boroughs = named.boroughs, whole
    # Only a query or a filter can leave nothing to show (and need the spelling and filter help).
    total = len(ordered) if ordered is not None else (filtered.count() if parsed or params.selected else None)
    if parsed and (total == 0 or parsed.corrections):
        answer.suggestion = suggest_spelling(parsed.words)
    if total == 0:
        answer.closest_tags = closest_tags(params.query, base)
        answer.most_restrictive = _most_restrictive(scope, params.selected)
    return answer


def _scope(
    base: ResourcePageQuerySet, ranked: list[tuple[int, float | None]] | None, whole: list[str] | None = None
) -> ResourcePageQuerySet:
    """What the search found: the engine's matches (everything when browsing), and every resource
    of the publishers in ``whole`` (a query that was only their names)."""
    if ranked is None:
        return base
    matches = base.among(pk for pk, _ in ranked)
    return matches | base.in_boroughs(whole) if whole else matches


def suggest(text: str, limit: int = 8, user: Any = None) -> dict[str, list[dict[str, str]]]:
    """Typeahead: resource titles and tags matching what has been typed so far."""
    term = " ".join(text.split())[:100]
    if len(term) < 2:
        return {"resources": [], "tags": []}
    live = ResourcePage.objects.live().visible_to(user)
    titles = list(live.filter(title__icontains=term).order_by("title").values_list("title", "url_path")[:limit])
    # Tags in name order, each kept if one live resource the user may read has it: the tag-name
    # index is walked until `limit` pass, each checked with one probe of the (tag, resource) index.
    # (Joining every link of every matching tag and then de-duplicating read most of the link table.)
    tags = (
        Tag.objects.filter(name__icontains=term)
        .filter(Exists(live.filter(tagged_items__tag=OuterRef("pk"))))
        .order_by("name")[:limit]
    )
    return {
        "resources": [{"title": title, "url": _public_url(url_path)} for title, url_path in titles],
        "tags": [{"name": tag.name, "slug": tag.slug, "url": f"/tags/{tag.slug}/"} for tag in tags],
    }


def _engine_matches(
    base: ResourcePageQuerySet, parsed: ParsedQuery | None
) -> tuple[list[tuple[int, float | None]] | None, bool, bool]:
    """Best matches in rank order as (pk, score), None in browse mode; plus (degraded, matched any word).

    Every word (or a synonym, stem or correction of it) must match; when nothing does,
    any word may. Matches are then ordered by the ranking query's scores. When the query
    is one word (with its stem and correction), "every part" and "any word" are the same
    query, so the ranking query alone answers (one engine call instead of two).
    """
    if parsed is None:
        return None, False, False
    if parsed.is_empty:
        return [], False, False
    alone = parsed.rank_decides
    first, scored = (parsed.rank, True) if alone else (parsed.strict, False)
    backend, degraded = "default", False
    try:
        matched = _run(base, first, backend, scored=scored)
    except Exception:  # the engine is down or refused the query: answer from the database instead
        logger.exception("Search engine failed; answering from the database backend")
        backend, degraded = "database", True
        matched = _run(base, first, backend, scored=scored)
    if alone:
        return matched, degraded, False
    loose = not matched
    if loose:
        matched = _run(base, parsed.loose, backend)
    if not matched:
        return [], degraded, False
    wanted = {pk for pk, _ in matched}
    ranking = [(pk, score) for pk, score in _run(base, parsed.rank, backend, scored=True) if pk in wanted]
    ranked_pks = {pk for pk, _ in ranking}
    ranking += [(pk, None) for pk, _ in matched if pk not in ranked_pks]
    return ranking, degraded, loose


def _within_filters(
    base: ResourcePageQuerySet,
    parsed: ParsedQuery | None,
    selected: dict[str, list[str]],
    ranked: list[tuple[int, float | None]] | None,
) -> list[tuple[int, float | None]] | None:
    """The engine's matches among the resources the filters select, when the first answer was cut
    off at MAX_MATCHES (so filtering it could miss matches) and the filters select few enough to
    search inside them; else None. Facet counts still come from the first answer."""
    if ranked is None or parsed is None or not any(selected.values()) or len(ranked) < MAX_MATCHES:
        return None
    candidates = list(_apply(base, selected).values_list("pk", flat=True)[: MAX_FILTERED_CANDIDATES + 1])
    if not candidates or len(candidates) > MAX_FILTERED_CANDIDATES:
        return None
    matches, _degraded, _loose = _engine_matches(base.filter(pk__in=candidates), parsed)
    return matches


def _titles_first(
    ranking: list[tuple[int, float | None]],
    titles: dict[int, str],
    terms: list[str],
    keep: int = 0,
    own: frozenset[int] | set[int] = frozenset(),
) -> list[tuple[int, float | None]]:
    """Promote results whose title has more of the query's words: a title is the author's own summary of
    what a resource is for, and the engines' scores weigh it differently. The first ``keep`` (editors'
    promotions) stay where they are; the resources of a publisher the query names (``own``) lead the rest."""
    hits = {pk: sum(contains_any(titles.get(pk, ""), [term]) for term in terms) for pk, _ in ranking[keep:]}
    return ranking[:keep] + sorted(ranking[keep:], key=lambda item: (item[0] not in own, -hits[item[0]]))


def _run(
    base: ResourcePageQuerySet, query: Any, backend_name: str, scored: bool = False
) -> list[tuple[int, float | None]]:
    name = backend_name if backend_name in settings.WAGTAILSEARCH_BACKENDS else "default"
    results = get_search_backend(name).search(query, base.only("pk"), operator="and")
    if scored:
        results = results.annotate_score("_score")
    results = results[:MAX_MATCHES]
    # Backends that can rank without loading the objects (search.backends.database) say so;
    # loading up to a thousand pages per query would cost more than the search itself.
    if hasattr(results, "pks_and_scores"):
        return results.pks_and_scores()
    return [(page.pk, getattr(page, "_score", None)) for page in results]


def _apply(resources: ResourcePageQuerySet, selected: dict[str, list[str]], skip: str = "") -> ResourcePageQuerySet:
    for facet in FACETS:
        if facet.name != skip and selected.get(facet.name):
            resources = facet.apply(resources, selected[facet.name])
    return resources


def _relevance_order(
    filtered: ResourcePageQuerySet,
    ranked: list[tuple[int, float | None]],
    terms: list[str],
    promoted: list[int],
    boroughs: list[str] | None = None,
) -> list[tuple[int, float | None]]:
    """Every filtered match in the order shown: one query reads their titles (which also drops
    promoted pages the reader may not see), titles with more of the query's words first; the
    resources of publishers the query names (``boroughs``) before the others."""
    if not boroughs:
        titles = dict(filtered.order_by().values_list("pk", "title"))
        ordered = [(pk, score) for pk, score in ranked if pk in titles]
        # Editors' promotions lead `ranked`; they keep their places.
        return _titles_first(ordered, titles, terms, keep=sum(1 for pk, _ in ordered if pk in promoted))
    rows = list(filtered.order_by().values_list("pk", "title", "borough__slug", "published_date"))
    titles = {pk: title for pk, title, _, _ in rows}
    ordered, own = with_own_resources(rows, [(pk, score) for pk, score in ranked if pk in titles], boroughs)
    keep = sum(1 for pk, _ in ordered if pk in promoted)
    return _titles_first(ordered, titles, terms, keep=keep, own=own)


def _page(
    params: SearchParams, base: ResourcePageQuerySet, answer: answers.Answer
) -> tuple[Page, dict[int, float | None]]:
    """One page of results: in relevance order from the answer (the page's resources fetched by id),
    newest first from the database."""
    if answer.ordered is not None:
        page = Paginator(answer.ordered, PAGE_SIZE).get_page(params.page)
        scores = dict(page.object_list)
        # Through `base` (what this reader may read) although the answer was computed for the same
        # readers: a kept answer must never be the only thing standing between a reader and a page.
        objects = base.filter(pk__in=scores).for_listing()
        by_pk = {obj.pk: obj for obj in objects}
        page.object_list = [by_pk[pk] for pk, _ in page.object_list if pk in by_pk]
        return page, scores
    filtered = _apply(_scope(base, answer.ranked, getattr(answer, "whole_boroughs", [])), params.selected)
    page = Paginator(filtered.newest().for_listing(), PAGE_SIZE).get_page(params.page)
    scores = dict(answer.ranked or [])
    return page, {obj.pk: scores.get(obj.pk) for obj in page.object_list}


def _results(
    page: Page, scores: dict[int, float | None], parsed: ParsedQuery | None, boroughs: list[str] | None = None
) -> list[Result]:
    terms = parsed.highlight_terms if parsed else []
    clauses = parsed.clause_terms if parsed else []
    resources = list(page.object_list)
    texts = {r.pk: r.body_text() for r in resources}
    # A named publisher's own resources match by who published them, not by an attachment.
    in_attachment = attachment_matches(
        [
            r.pk
            for r in resources
            if clauses
            and not (r.borough and r.borough.slug in (boroughs or []))
            and not matches_page_text(r, texts[r.pk], clauses)
        ],
        terms,
    )
    return [
        Result(r, scores.get(r.pk), snippet(r.summary, texts[r.pk], terms), in_attachment.get(r.pk)) for r in resources
    ]


def _facets(scope: ResourcePageQuerySet, selected: dict[str, list[str]]) -> dict[str, list[FacetOption]]:
    """Counts for each facet under the query and every *other* facet's selection (OR within, AND across)."""
    counted = count_all({facet.name: _apply(scope, selected, skip=facet.name) for facet in FACETS})
    facets: dict[str, list[FacetOption]] = {}
    for facet in FACETS:
        chosen = selected.get(facet.name, [])
        options: list[Option] = counted[facet.name]
        seen = {value for value, _, _ in options}
        facets[facet.name] = [FacetOption(v, label, n, v in chosen) for v, label, n in options] + [
            FacetOption(v, label_for(facet.name, v), 0, True) for v in chosen if v not in seen
        ]
    return facets


def _most_restrictive(scope: ResourcePageQuerySet, selected: dict[str, list[str]]) -> tuple[str, str] | None:
    """The selected facet whose removal brings back the most results (offered when nothing matches)."""
    best: tuple[int, str] = (0, "")
    for name in selected:
        count = _apply(scope, selected, skip=name).count()
        if count > best[0]:
            best = (count, name)
    return (best[1], ",".join(selected[best[1]])) if best[0] else None


def _public_url(url_path: str) -> str:
    # url_path includes the home page's slug ("/home/boroughs/…"); the site serves from its root.
    parts = url_path.strip("/").split("/", 1)
    return "/" + (parts[1] + "/" if len(parts) > 1 else "")
