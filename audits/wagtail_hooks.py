"""Admin wiring for the audits: URLs, the Audits menu item and the tool and scale editors."""

from django.http import HttpRequest
from django.urls import URLPattern, URLResolver, include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from audits import admin_views
from audits.models import AuditTool, RatingScale
from audits.roles import boroughs_audited_by, is_audit_coordinator

urls = [
    path("", admin_views.HomeView.as_view(), name="home"),
    path("rounds/new/", admin_views.RoundEditView.as_view(), name="round_new"),
    path("rounds/<int:pk>/edit/", admin_views.RoundEditView.as_view(), name="round_edit"),
    path("rounds/<int:pk>/returns.<str:fmt>", admin_views.export_returns, name="export_returns"),
    path("rounds/<int:round_pk>/<slug:borough>/", admin_views.BoroughRoundView.as_view(), name="borough"),
    path("rounds/<int:round_pk>/<slug:borough>/respond/", admin_views.respond_view, name="respond"),
    path("rounds/<int:round_pk>/<slug:borough>/new/", admin_views.new_return_view, name="new_return"),
    path("rounds/<int:round_pk>/<slug:borough>/import/", admin_views.import_view, name="import"),
    path("tools/<int:pk>/printable/", admin_views.printable_view, name="printable"),
    path("returns/<int:pk>/", admin_views.ReturnView.as_view(), name="return"),
    path("returns/<int:pk>/reopen/", admin_views.reopen_view, name="reopen"),
]


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[URLPattern | URLResolver]:
    return [path("audits/", include((urls, "audits_admin")))]


class AuditsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return is_audit_coordinator(request.user) or boroughs_audited_by(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_audits_menu_item() -> MenuItem:
    return AuditsMenuItem("Audits", reverse("audits_admin:home"), name="audits", icon_name="clipboard-list", order=460)


class AuditToolViewSet(SnippetViewSet):
    model = AuditTool
    icon = "clipboard-list"
    menu_label = "Audit tools"
    add_to_admin_menu = False
    list_display = ["title", "slug"]


class RatingScaleViewSet(SnippetViewSet):
    model = RatingScale
    icon = "list-ol"
    menu_label = "Rating scales"
    add_to_admin_menu = False


register_snippet(AuditToolViewSet)
register_snippet(RatingScaleViewSet)
