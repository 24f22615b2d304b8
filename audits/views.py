"""Pooled findings for the people of the boroughs taking part: /audits/, a round's page and its JSON.

Who may see a round is AuditRound.objects.visible_to(user); everyone else gets the published
findings resources only. Nothing here is cached or kept by a shared cache: it depends on who asks.
"""

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache

from audits import charts
from audits.models import AuditRound
from audits.roles import is_audit_coordinator
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


def figures_shown(audit_round: AuditRound, user: Any) -> bool:
    """Pooled figures appear once a round has closed; only coordinators, who see every return, see
    them before. While returns come in, comparing the figures before and after submitting one's
    own return would give away the figures suppression hides."""
    return audit_round.is_closed() or is_audit_coordinator(user)


@never_cache
def round_findings(request: HttpRequest, slug: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailcore_login"))
    audit_round = _round_for(request, slug)
    context: dict[str, Any] = {"round": audit_round, "shown": figures_shown(audit_round, request.user)}
    if context["shown"]:
        findings = build_findings(audit_round, request.user)
        context |= {"findings": findings, "questions": [(q, charts.bars(q)) for q in findings.questions]}
    return TemplateResponse(request, "audits/round_findings.html", context)


@never_cache
def round_findings_csv(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    """The pooled tables as CSV (a byte-order mark for Excel), with the page's suppression."""
    if not request.user.is_authenticated:
        raise Http404
    audit_round = _round_for(request, slug)
    if not figures_shown(audit_round, request.user):
        raise Http404
    rows = exports.findings_rows(build_findings(audit_round, request.user))
    response = StreamingHttpResponse(exports.csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{audit_round.slug}-findings.csv"'
    return response


@never_cache
def round_findings_json(request: HttpRequest, slug: str) -> JsonResponse:
    if not request.user.is_authenticated:
        raise Http404
    audit_round = _round_for(request, slug)
    if not figures_shown(audit_round, request.user):
        return JsonResponse(
            {
                "round": audit_round.slug,
                "title": audit_round.title,
                "figures": "after the round closes",
                "closes_on": audit_round.closes_on.isoformat(),
            }
        )
    return JsonResponse(findings_as_json(build_findings(audit_round, request.user)))
