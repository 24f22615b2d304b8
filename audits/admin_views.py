"""The audits in the Wagtail admin (which asks for the second sign-in factor): coordinators set up
rounds and export; borough audit leads answer invitations and reopen returns; auditors enter and
import their borough's returns. Every view finds its objects through the user's own boroughs, so
another borough's round, returns and drafts answer 404.
"""

import tempfile
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from audits.enums import Participation
from audits.forms import ImportForm, InvitationForm, ReopenForm, ReturnForm, RoundForm
from audits.models import AuditReturn, AuditRound, AuditTool, RoundBorough
from audits.roles import boroughs_audited_by, boroughs_led_for_audit, is_audit_coordinator
from audits.services import exports
from audits.services.importing import ImportFileError, import_returns
from audits.services.printable import make_printable
from audits.services.returns import ReturnError, new_return, progress, questions_of, reopen, save_draft, submit
from audits.services.rounds import respond, save_round
from resources.models import BoroughPage


class AuditAdminView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "clipboard-list"

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        items = [*self.breadcrumbs_items, {"url": reverse("audits_admin:home"), "label": "Audits"}]
        return items if self.page_title == "Audits" else [*items, {"url": "", "label": self.page_title}]


def _invitation(request: HttpRequest, round_pk: int, borough_slug: str, lead: bool = False) -> RoundBorough:
    """The borough's place in the round, if the user audits (or, with ``lead``, leads) that borough."""
    boroughs = boroughs_led_for_audit(request.user) if lead else boroughs_audited_by(request.user)
    return get_object_or_404(
        RoundBorough.objects.select_related("round__version__tool", "borough"),
        round_id=round_pk,
        borough__slug=borough_slug,
        borough__in=boroughs.values("pk"),
    )


def _return(request: HttpRequest, pk: int) -> AuditReturn:
    return get_object_or_404(
        AuditReturn.objects.visible_to(request.user).select_related("round__version", "borough"), pk=pk
    )


def _borough_url(invitation: RoundBorough) -> str:
    return reverse("audits_admin:borough", args=[invitation.round_id, invitation.borough.slug])


def _require_coordinator(request: HttpRequest) -> None:
    if not is_audit_coordinator(request.user):
        raise PermissionDenied


class HomeView(AuditAdminView):
    page_title = "Audits"
    template_name = "audits/admin/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        user = self.request.user
        coordinator = is_audit_coordinator(user)
        invitations = (
            RoundBorough.objects.filter(borough__in=boroughs_audited_by(user).values("pk"))
            .select_related("round__version__tool", "borough")
            .order_by("-round__opens_on", "borough__title")
        )
        if not coordinator and not invitations.exists() and not boroughs_audited_by(user).exists():
            raise PermissionDenied
        rounds = AuditRound.objects.select_related("version__tool").annotate(returns_count=Count("returns"))
        return {
            **super().get_context_data(**kwargs),
            "coordinator": coordinator,
            "rounds": rounds if coordinator else [],
            "tools": AuditTool.objects.order_by("title") if coordinator else [],
            "publishers": BoroughPage.objects.order_by("title") if coordinator else [],
            "invitations": [] if coordinator else list(invitations[:200]),
        }


class RoundEditView(AuditAdminView):
    template_name = "audits/admin/round_form.html"

    @property
    def page_title(self) -> str:
        return "Edit round" if self.kwargs.get("pk") else "New audit round"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        _require_coordinator(request)
        self.instance = get_object_or_404(AuditRound, pk=kwargs["pk"]) if kwargs.get("pk") else AuditRound()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "form": kwargs.get("form") or RoundForm(instance=self.instance)}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = RoundForm(request.POST, instance=self.instance)
        if form.is_valid():
            try:
                audit_round = save_round(
                    form.save(commit=False), form.cleaned_data.get("tool"), form.cleaned_data["invited"]
                )
            except ValueError as error:
                form.add_error("tool", str(error))
            else:
                messages.success(request, f"“{audit_round.title}” saved; the invited boroughs' audit leads can answer.")
                return redirect("audits_admin:home")
        messages.validation_error(request, "The round could not be saved. Check the form below.", form)
        return self.render_to_response(self.get_context_data(form=form))


class BoroughRoundView(AuditAdminView):
    """A borough's part in a round: the invitation, its returns, adding and importing returns."""

    template_name = "audits/admin/borough_round.html"

    @property
    def page_title(self) -> str:
        return f"{self.invitation.round.title}: {self.invitation.borough.title}"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.invitation = _invitation(request, kwargs["round_pk"], kwargs["borough"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        invitation = self.invitation
        returns = list(invitation.round.returns.filter(borough=invitation.borough).order_by("number"))
        total = len(questions_of(invitation.round))
        answered = dict(
            AuditReturn.objects.filter(pk__in=[r.pk for r in returns])
            .annotate(n=Count("answers__question", distinct=True))
            .values_list("pk", "n")
        )
        lead = boroughs_led_for_audit(self.request.user).filter(pk=invitation.borough_id).exists()
        return {
            **super().get_context_data(**kwargs),
            "invitation": invitation,
            "returns": [(r, answered.get(r.pk, 0), total) for r in returns],
            "lead": lead,
            "taking_part": invitation.status == Participation.ACCEPTED,
            "open": invitation.round.is_open(),
            "invitation_form": InvitationForm(
                initial={
                    "taking_part": "yes" if invitation.status != Participation.DECLINED else "no",
                    "named": invitation.named,
                }
            ),
            "import_form": kwargs.get("import_form") or ImportForm(),
        }


def respond_view(request: HttpRequest, round_pk: int, borough: str) -> HttpResponse:
    invitation = _invitation(request, round_pk, borough, lead=True)
    form = InvitationForm(request.POST)
    if request.method == "POST" and form.is_valid():
        try:
            respond(invitation, request.user, form.cleaned_data["taking_part"], form.cleaned_data["named"])
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Your borough's answer is saved.")
    else:
        messages.error(request, "Choose whether your borough takes part.")
    return redirect(_borough_url(invitation))


def new_return_view(request: HttpRequest, round_pk: int, borough: str) -> HttpResponse:
    invitation = _invitation(request, round_pk, borough)
    if request.method != "POST":
        return redirect(_borough_url(invitation))
    if invitation.status != Participation.ACCEPTED or not invitation.round.is_open():
        messages.error(request, "Returns can be added only while the round is open, by a borough taking part.")
        return redirect(_borough_url(invitation))
    audit_return = new_return(invitation.round, invitation.borough, request.user)
    return redirect("audits_admin:return", pk=audit_return.pk)


class ReturnView(AuditAdminView):
    template_name = "audits/admin/return_form.html"

    @property
    def page_title(self) -> str:
        return f"{self.audit_return}, {self.audit_return.borough.title}"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.audit_return = _return(request, kwargs["pk"])
        self.questions = questions_of(self.audit_return.round)
        return super().dispatch(request, *args, **kwargs)

    def _initial(self) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        by_pk = {q.pk: q for q in self.questions}
        for answer in self.audit_return.answers.all():
            question = by_pk[answer.question_id]
            if answer.option:
                value = initial.get(question.code, []) if question.kind == "choices" else None
                initial[question.code] = [*value, answer.option] if value is not None else answer.option
            elif answer.number is not None:
                initial[question.code] = f"{answer.number.normalize():f}"
            else:
                initial[question.code] = answer.text
        initial["themes"] = ", ".join(self.audit_return.themes.values_list("name", flat=True))
        return initial

    def _read_only(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Each section's questions with the answers as words, for a locked return."""
        initial = self._initial()
        sections: list[tuple[str, list[tuple[str, str]]]] = []
        for question in self.questions:
            if not sections or sections[-1][0] != question.section:
                sections.append((question.section, []))
            value = initial.get(question.code, "")
            labels = dict(question.options)
            words = "; ".join(labels.get(v, v) for v in value) if isinstance(value, list) else labels.get(value, value)
            unit = f" {question.unit}" if question.unit and words else ""
            sections[-1][1].append((f"{question.code}: {question.text}", f"{words}{unit}"))
        return sections

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        answered, total = progress(self.audit_return)
        borough = self.audit_return.borough
        return {
            **super().get_context_data(**kwargs),
            "audit_return": self.audit_return,
            "form": kwargs.get("form") or ReturnForm(initial=self._initial(), questions=self.questions),
            "answered": answered,
            "total": total,
            "locked": self.audit_return.is_submitted or not self.audit_return.round.is_open(),
            "lead": boroughs_led_for_audit(self.request.user).filter(pk=borough.pk).exists(),
            "reopen_form": ReopenForm(),
            "read_only": self._read_only(),
            "back": reverse("audits_admin:borough", args=[self.audit_return.round_id, borough.slug]),
        }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = ReturnForm(request.POST, questions=self.questions)
        if form.is_valid():
            try:
                problems = save_draft(self.audit_return, form.answers())
                if not problems:
                    self.audit_return.themes.set(form.cleaned_data["themes"])
                    if "submit" in request.POST:
                        submit(self.audit_return)
                        messages.success(request, f"{self.audit_return} is submitted and locked.")
                        return redirect(self.get_context_data()["back"])
                    messages.success(request, f"{self.audit_return} is saved as a draft.")
                    return redirect("audits_admin:return", pk=self.audit_return.pk)
                for problem in problems:
                    form.add_error(None, problem)
            except ReturnError as error:
                form.add_error(None, str(error))
        messages.validation_error(request, "The return could not be saved. Check the form below.", form)
        return self.render_to_response(self.get_context_data(form=form))


def reopen_view(request: HttpRequest, pk: int) -> HttpResponse:
    audit_return = _return(request, pk)
    if not boroughs_led_for_audit(request.user).filter(pk=audit_return.borough_id).exists():
        raise PermissionDenied
    form = ReopenForm(request.POST)
    if request.method == "POST" and form.is_valid():
        try:
            reopen(audit_return, form.cleaned_data["reason"])
        except ReturnError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"{audit_return} is reopened as a draft.")
    else:
        messages.error(request, "Say why the return is reopened.")
    return redirect("audits_admin:return", pk=audit_return.pk)


def import_view(request: HttpRequest, round_pk: int, borough: str) -> HttpResponse:
    invitation = _invitation(request, round_pk, borough)
    form = ImportForm(request.POST, request.FILES)
    if request.method != "POST" or not form.is_valid():
        messages.error(request, "Choose a CSV or XLSX file to import.")
        return redirect(_borough_url(invitation))
    upload = form.cleaned_data["file"]
    suffix = Path(upload.name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="audit-import-") as folder:
        path = Path(folder) / f"returns{suffix if suffix in ('.csv', '.xlsx') else '.txt'}"
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        try:
            report = import_returns(
                invitation.round,
                path,
                borough_slug=invitation.borough.slug,
                dry_run=form.cleaned_data["dry_run"],
                user=request.user,
            )
        except ImportFileError as error:
            messages.error(request, str(error))
            return redirect(_borough_url(invitation))
    if not report.ok:
        shown = report.problems[:20]
        more = f" (and {len(report.problems) - 20} more)" if len(report.problems) > 20 else ""
        messages.error(request, "Nothing was imported: " + " ".join(shown) + more)
    else:
        verb = "Would add" if report.dry_run else "Added"
        messages.success(
            request,
            f"{verb} {report.created} returns ({report.submitted} submitted); {report.unchanged} already imported.",
        )
    return redirect(_borough_url(invitation))


def export_returns(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """Every return of the round, for coordinators only."""
    _require_coordinator(request)
    audit_round = get_object_or_404(AuditRound.objects.select_related("version"), pk=pk)
    rows = exports.return_rows(audit_round)
    if fmt == "xlsx":
        return FileResponse(exports.xlsx_file(rows), as_attachment=True, filename=f"{audit_round.slug}-returns.xlsx")
    response = StreamingHttpResponse(exports.csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{audit_round.slug}-returns.csv"'
    return response


def printable_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Make (or refresh) a tool's printable resource as a draft, then open it in the editor."""
    _require_coordinator(request)
    tool = get_object_or_404(AuditTool, pk=pk)
    publisher = BoroughPage.objects.filter(pk=request.POST.get("publisher") or 0).first()
    if request.method != "POST" or publisher is None:
        messages.error(request, "Choose the publisher the printable tool is published under.")
        return redirect("audits_admin:home")
    page = make_printable(tool, publisher, request.user)
    messages.success(
        request, f"A draft printable “{tool.title}” is ready under {publisher.title}: check it and publish it."
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
