"""Pooled findings for the people of the boroughs taking part: /audits/, a round's page and its JSON.

Who may see a round is AuditRound.objects.visible_to(user); everyone else gets the published
findings resources only. Nothing here is cached or kept by a shared cache: it depends on who asks.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache

from audits import charts
from audits.models import AuditRound
from audits.services import exports
from audits.services.findings import build_findings, findings_as_json
from resources.enums import ResourceType
from resources.models import ResourcePage


def _round_for(request: HttpRequest, slug: str) -> AuditRound:
    """The round if ``request.user`` may see it; a 404 otherwise (its existence is not confirmed)."""
    queryset = AuditRound.objects.visible_to(request.user).select_related("version__tool", "findings")
    return get_object_or_404(queryset, slug=slug)


@never_cache
def round_list(request: HttpRequest) -> HttpResponse:
    rounds = list(AuditRound.objects.visible_to(request.user).select_related("version__tool"))
    published = (
        ResourcePage.objects.live().visible_to(request.user).of_type(ResourceType.AUDIT_FINDINGS).newest().for_listing()
    )
    return TemplateResponse(request, "audits/round_list.html", {"rounds": rounds, "published": list(published[:50])})


@never_cache
def round_findings(request: HttpRequest, slug: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailcore_login"))
    audit_round = _round_for(request, slug)
    findings = build_findings(audit_round, request.user)
    questions = [(q, charts.bars(q)) for q in findings.questions]
    return TemplateResponse(
        request, "audits/round_findings.html", {"findings": findings, "round": audit_round, "questions": questions}
    )


@never_cache
def round_findings_csv(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    """The pooled tables as CSV (a byte-order mark for Excel), with the page's suppression."""
    if not request.user.is_authenticated:
        raise Http404
    audit_round = _round_for(request, slug)
    rows = exports.findings_rows(build_findings(audit_round, request.user))
    response = StreamingHttpResponse(exports.csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{audit_round.slug}-findings.csv"'
    return response


@never_cache
def round_findings_json(request: HttpRequest, slug: str) -> JsonResponse:
    if not request.user.is_authenticated:
        raise Http404
    audit_round = _round_for(request, slug)
    return JsonResponse(findings_as_json(build_findings(audit_round, request.user)))
