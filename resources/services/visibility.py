"""Members-only resources and who reads a document: Wagtail view restrictions decide who reads a
page (core.visibility applies them to listings and search); this module sets them and applies the
same rule to documents and the admin's page lists, so nothing restricted leaks through another route.
"""

from typing import Any

from django.apps import apps
from django.contrib.auth.models import Group
from django.db.models import Q
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction, ReferenceIndex

from core.roles import NETWORK_MEMBERS, is_coordinator
from core.visibility import hidden_filter


def set_members_only(page: Page, members_only: bool) -> bool:
    """Restrict ``page`` to network members, or lift its restrictions; True if anything changed."""
    restrictions = PageViewRestriction.objects.filter(page=page)
    if members_only and not restrictions.exists():
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=BaseViewRestriction.GROUPS)
        restriction.groups.set(Group.objects.filter(name=NETWORK_MEMBERS))
        return True
    if not members_only and restrictions.exists():
        restrictions.delete()
        return True
    return False


def _publishers() -> Any:
    # By name: page forms (resources.forms) use this module while the models are still loading.
    return apps.get_model("resources", "BoroughPage").objects


def _pages_using(document: Any) -> Any:
    """Every page (any state) that uses ``document``: as an attachment or referenced from its content."""
    page_ids = set(
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type__app_label="wagtailcore", base_content_type__model="page")
        .values_list("object_id", flat=True)
    )
    page_ids |= {
        str(pk)
        for pk in apps.get_model("resources", "ResourceAttachment")
        .objects.filter(document=document)
        .values_list("page_id", flat=True)
    }
    return Page.objects.filter(pk__in=[int(pk) for pk in page_ids if str(pk).isdigit()])


def _led_by_user(document: Any, user: Any, pages: Any) -> bool:
    """In a collection of a publisher ``user`` leads, or used by a page under one (drafts included)."""
    publishers = list(_publishers().led_by(user).select_related("access"))
    if not publishers:
        return False
    if document.collection_id in {p.access.collection_id for p in publishers if hasattr(p, "access")}:
        return True
    under = Q()
    for publisher in publishers:
        under |= Q(path__startswith=publisher.path)
    return pages.filter(under).exists()


def document_visible_to(document: Any, user: Any) -> bool:
    """Coordinators read every document; a lead also reads their own publishers' (drafts included);
    anyone reads a document that a live page they may read uses.

    Admin access alone is not enough: 35 publishers' leads have it, and another publisher's
    drafts (perhaps held back by the personal-data guard) are not theirs to read.
    """
    if is_coordinator(user):
        return True
    pages = _pages_using(document)
    readable = pages.live()
    hidden = hidden_filter(user)
    if hidden is not None:
        readable = readable.exclude(hidden)
    return readable.exists() or _led_by_user(document, user, pages)


def admin_page_filter(user: Any) -> Q | None:
    """In the admin's explorer and page chooser: a Q of the pages ``user`` may see listed, None for all.

    Wagtail lists every page to anyone who can choose pages; a lead sees live pages anywhere but
    drafts only under their own publishers, so another borough's unpublished titles stay its own.
    """
    if is_coordinator(user):
        return None
    visible = Q(live=True)
    for path in _publishers().led_by(user).values_list("path", flat=True):
        visible |= Q(path__startswith=path)
    return visible
