"""Links to pages never reveal a page the reader may not read: not its address, not its title.

A page's address is its slug, and a slug says what the page is about ("neglect-audit-hackney").
Wagtail writes it into every rich-text link and shows a chosen page's title in the editor, to
whoever reads or edits the linking page. Three places render a page link, each replaced here:
- rich text on the site (pages, previews, every block and field): ReadablePageLinkHandler;
- rich text in the editor (Draftail's data): VisiblePageLinkElementHandler;
- a chosen page in the editor (related resources, featured, notes): VisiblePageChooser.
Who reads comes from the request (core.visibility.current_user); without one,
the reader is anonymous.
"""

from typing import Any

from django.conf import settings
from django.shortcuts import resolve_url
from django.utils.html import escape
from wagtail.admin.rich_text.converters.html_to_contentstate import PageLinkElementHandler
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from core.visibility import current_user, hidden_paths_for
from resources.services.visibility import admin_visible_pages

HIDDEN_PAGE_TITLE = "A page you cannot see (another publisher's draft)"


def _readable(page: Page, hidden_paths: list[str]) -> bool:
    return page.live and not any(page.path.startswith(path) for path in hidden_paths)


class ReadablePageLinkHandler(PageLinkHandler):
    """A link to a page the reader may read goes to it; to a members-only page, an anonymous
    reader gets the sign-in page instead (no address of the page); to a draft or a page they
    cannot read, the words stay and the link goes nowhere (an ``<a>`` without ``href``, as
    Wagtail writes a link to a deleted page)."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        user = current_user()
        hidden_paths = hidden_paths_for(user)
        tags = []
        for page in cls.get_many(attrs_list):
            if page is None:
                tags.append("<a>")
            elif _readable(page, hidden_paths):
                tags.append(f'<a href="{escape(page.localized.url)}">')
            elif page.live and not user.is_authenticated:
                tags.append(f'<a href="{escape(_sign_in_url())}" rel="nofollow">')
            else:
                tags.append("<a>")
        return tags


def _sign_in_url() -> str:
    return resolve_url(getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None) or "wagtailcore_login")


def _visible_in_admin(page: Page) -> bool:
    return admin_visible_pages(current_user(), Page.objects.filter(pk=page.pk)).exists()


class VisiblePageLinkElementHandler(PageLinkElementHandler):
    """Draftail's data for a page link names the page's address; for a page the editor may not see,
    only its id stays (as Wagtail does for a deleted page), so saving keeps the link unchanged."""

    def get_attribute_data(self, attrs: dict) -> dict[str, Any]:
        page = Page.objects.filter(pk=attrs.get("id")).first() if str(attrs.get("id", "")).isdigit() else None
        if page is not None and not _visible_in_admin(page):
            return {"id": page.pk, "url": None, "parentId": None}
        return super().get_attribute_data(attrs)


class VisiblePageChooser(AdminPageChooser):
    """Wagtail's page chooser, showing a page the editor may not see as hidden (its id kept, so
    saving changes nothing), not by its title."""

    def get_value_data_from_instance(self, instance: Any) -> dict[str, Any]:
        if not _visible_in_admin(instance):
            return {"id": instance.pk, "edit_url": None, self.display_title_key: HIDDEN_PAGE_TITLE, "parent_id": None}
        return super().get_value_data_from_instance(instance)


def visible_page_chooser_override(db_field: Any) -> dict[str, Any]:
    """Every page foreign key's editor widget (see resources.apps)."""
    return {"widget": VisiblePageChooser(target_models=[db_field.remote_field.model])}
