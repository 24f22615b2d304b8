"""Search page (HTML and JSON), typeahead and tag pages: all through search.services."""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from core.ratelimit import configured_rate, enforce
from resources.enums import ResourceType
from resources.models import CPStage
from resources.tags import readable_tags, related_tags
from search.facets import FACETS
from search.models import TagRedirect
from search.params import MAX_QUERY_LENGTH, SearchParams
from search.serializers import search_json
from search.services import search, suggest


def search_page(request: HttpRequest) -> HttpResponse:
    enforce(request, group="search", key="ip", rate=configured_rate("search"), json=request.GET.get("format") == "json")
    params = SearchParams.from_querydict(request.GET, user=request.user)
    response = search(params, user=request.user)
    if request.GET.get("format") == "json":
        return JsonResponse(search_json(response))
    return TemplateResponse(request, "search/search.html", _context(response))


def suggest_view(request: HttpRequest) -> JsonResponse:
    # One request per keystroke (debounced), so a far higher rate than full searches.
    enforce(request, group="search.suggest", key="ip", rate=configured_rate("suggest"), json=True)
    return JsonResponse(suggest(request.GET.get("q", ""), user=request.user))


def tag_page(request: HttpRequest, slug: str) -> HttpResponse:
    # A tag only drafts or members-only resources carry answers exactly as an unknown one would.
    readable = readable_tags(request.user)
    tag = readable.filter(slug=slug).first()
    if tag is None:
        # A renamed or merged tag's old address is linked from intranets and emails: send it on.
        moved = TagRedirect.objects.select_related("tag").filter(old_slug=slug, tag__in=readable).first()
        if moved is None:
            raise Http404("No such tag.")
        query_string = request.META.get("QUERY_STRING", "")
        url = reverse("tag", args=[moved.tag.slug])
        return HttpResponsePermanentRedirect(f"{url}?{query_string}" if query_string else url)
    # Tag pages run the same search (with ?q=), so they count against the same limit.
    enforce(request, group="search", key="ip", rate=configured_rate("search"), json=request.GET.get("format") == "json")
    params = SearchParams.from_querydict(request.GET, user=request.user)
    params.selected["tag"] = [tag.slug]
    response = search(params, log=False, user=request.user)
    if request.GET.get("format") == "json":
        return JsonResponse(search_json(response))
    if not response.total and not params.query:
        raise Http404("No published resources carry this tag.")
    context = _context(response, field_id="tag-q") | {
        "tag": tag,
        "related_tags": related_tags(tag, limit=12, user=request.user),
    }
    return TemplateResponse(request, "search/tag.html", context)


def stage_page(request: HttpRequest, slug: str) -> HttpResponse:
    """A way in by child-protection stage ("I'm preparing for an ICPC"): the search, filtered to it."""
    stage = CPStage.objects.filter(slug=slug).first()
    if stage is None:
        raise Http404("No such child-protection stage.")
    return _landing(request, "stage", slug, "Child-protection stage", stage.name, stage.description)


def type_page(request: HttpRequest, slug: str) -> HttpResponse:
    """A way in by kind of resource (Signs of Safety tools, templates…): the search, filtered to it."""
    if slug not in ResourceType.values:
        raise Http404("No such resource type.")
    return _landing(request, "type", slug, "Type of resource", ResourceType(slug).label, "")


def _landing(request: HttpRequest, facet: str, slug: str, caption: str, title: str, description: str) -> HttpResponse:
    enforce(request, group="search", key="ip", rate=configured_rate("search"))
    params = SearchParams.from_querydict(request.GET)
    params.selected[facet] = [slug]
    response = search(params, log=False, user=request.user)
    context = _context(response, field_id="landing-q")
    # The stage or type is the page itself, not a filter that could be removed.
    context["chips"] = [chip for chip in context["chips"] if (chip[0], chip[2].value) != (facet, slug)]
    landing = {"caption": caption, "title": title, "description": description}
    return TemplateResponse(request, "search/landing.html", context | landing)


def _context(response, field_id: str = "search-q") -> dict:
    labels = {facet.name: facet.label for facet in FACETS}
    # Over-long searches still run (on their first characters), but the person is told why,
    # in GOV.UK's error summary and against the field.
    query_error = (
        f"Search terms must be {MAX_QUERY_LENGTH} characters or fewer. "
        f"These results are for the first {MAX_QUERY_LENGTH}."
        if response.params.truncated
        else ""
    )
    # Stale or edited links: the search still runs without these, and says so.
    dropped = ", ".join(
        f"{labels.get(name, 'Excluded topic').lower()} “{value[:40]}”" for name, value in response.params.dropped
    )
    return {
        "dropped_filters": f"Left out: {dropped}." if dropped else "",
        "query_error": query_error,
        "errors": [(f"#{field_id}", query_error)] if query_error else [],
        "search": response,
        "page_obj": response.page,
        "query": response.params.query,
        "facets": [(name, labels[name], options) for name, options in response.facets.items()],
        "chips": [
            (name, labels[name], option)
            for name, options in response.facets.items()
            for option in options
            if option.selected
        ],
        "max_query_length": MAX_QUERY_LENGTH,
        "restrictive_label": labels[response.most_restrictive[0]].lower() if response.most_restrictive else "",
    }
