"""Admin wiring for the coordinator screens: URLs, menu items and audit-log actions."""

from typing import Any

from django.urls import URLPattern, URLResolver, include, path
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.models import BaseLogEntry

from core.admin_permissions import MenuEntry, register_menu_entries
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


# Tags is an editing screen, so it sits beside Documents and Snippets rather than under Reports.
register_menu_entries(
    "register_admin_menu_item",
    MenuEntry("Tags", "search_tags:index", "tags", "tag", 450, admin_views.MANAGE_TAGS),
)
register_menu_entries(
    "register_reports_menu_item",
    MenuEntry(
        "Likely duplicate tags", "search_tags:duplicates", "likely-duplicate-tags", "tag", 1300, admin_views.MANAGE_TAGS
    ),
    MenuEntry("Search insights", "search_insights", "search-insights", "search", 1400, admin_views.VIEW_SEARCH_LOG),
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
