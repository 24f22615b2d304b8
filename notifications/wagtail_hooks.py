"""Admin wiring: the outbox report under Reports, for anyone who may view outgoing email."""

from django.http import HttpRequest
from django.urls import URLPattern, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from notifications import admin_views


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[URLPattern]:
    return [
        path("outbox/", admin_views.OutboxReport.as_view(), name="notifications_outbox"),
        path("outbox/results/", admin_views.OutboxResultsReport.as_view(), name="notifications_outbox_results"),
    ]


class OutboxMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(admin_views.VIEW_OUTBOX)


@hooks.register("register_reports_menu_item")
def register_outbox_menu_item() -> MenuItem:
    return OutboxMenuItem("Outgoing email", reverse("notifications_outbox"), name="outgoing-email", icon_name="mail")
