"""Admin wiring for the coordinator screens: URLs, menu items and audit-log actions."""

from typing import Any

from django.urls import URLPattern, URLResolver, include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.models import BaseLogEntry

from core.admin_permissions import PermissionMenuItem
from search import admin_views
from search.tag_maintenance import MERGE_ACTION, RENAME_ACTION

tag_urls = [
    path("", admin_views.TagIndexView.as_view(), name="index"),
    path("results/", admin_views.TagIndexResultsView.as_view(), name="index_results"),
    path("<int:pk>/rename/", admin_views.RenameTagView.as_view(), name="rename"),
    path("duplicates/", admin_views.DuplicateTagsReport.as_view(), name="duplicates"),
    path("duplicates/merge/", admin_views.MergeGroupView.as_view(), name="merge_group"),
]


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[URLPattern | URLResolver]:
    return [
        path("tags/", include((tag_urls, "search_tags"))),
        path("search-insights/", admin_views.SearchInsightsView.as_view(), name="search_insights"),
    ]


@hooks.register("register_admin_menu_item")
def register_tags_menu_item() -> MenuItem:
    # An editing screen, so it sits beside Documents and Snippets rather than under Reports.
    return PermissionMenuItem(
        "Tags",
        reverse("search_tags:index"),
        name="tags",
        icon_name="tag",
        order=450,
        permission=admin_views.MANAGE_TAGS,
    )


@hooks.register("register_reports_menu_item")
def register_duplicate_tags_menu_item() -> MenuItem:
    return PermissionMenuItem(
        "Likely duplicate tags",
        reverse("search_tags:duplicates"),
        name="likely-duplicate-tags",
        icon_name="tag",
        order=1300,
        permission=admin_views.MANAGE_TAGS,
    )


@hooks.register("register_reports_menu_item")
def register_search_insights_menu_item() -> MenuItem:
    return PermissionMenuItem(
        "Search insights",
        reverse("search_insights"),
        name="search-insights",
        icon_name="search",
        order=1400,
        permission=admin_views.VIEW_SEARCH_LOG,
    )


@hooks.register("register_log_actions")
def register_tag_log_actions(actions: Any) -> None:
    @actions.register_action(RENAME_ACTION)
    class RenameTagFormatter(LogFormatter):
        label = "Rename tag"

        def format_message(self, log_entry: BaseLogEntry) -> str:
            data = log_entry.data or {}
            return f"Renamed tag “{data.get('old_name', '')}” to “{data.get('new_name', '')}”"

    @actions.register_action(MERGE_ACTION)
    class MergeTagsFormatter(LogFormatter):
        label = "Merge tags"

        def format_message(self, log_entry: BaseLogEntry) -> str:
            data = log_entry.data or {}
            names = ", ".join(f"“{name}”" for name in data.get("merged", []))
            return f"Merged tags {names} into “{data.get('target', '')}”"
