"""Members-only resources and who reads a document: Wagtail view restrictions decide who reads a
page (core.visibility applies them to listings and search); this module sets them and applies the
same rule to documents and the admin's page lists, so nothing restricted leaks through another route.
"""

from typing import Any

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
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
    if user.is_authenticated:
        visible |= Q(owner=user)  # a lead's own event drafts live under /events/, not their publisher
    for path in _publishers().led_by(user).values_list("path", flat=True):
        visible |= Q(path__startswith=path)
    return visible


def admin_visible_pages(user: Any, pages: Any = None) -> Any:
    """``pages`` (all pages by default) narrowed to what ``user`` may see listed in the admin."""
    pages = Page.objects.all() if pages is None else pages
    visible = admin_page_filter(user)
    return pages if visible is None else pages.filter(visible)


def admin_document_filter(user: Any) -> Q | None:
    """A Q of the documents ``user`` may see listed in the admin (the rule of document_visible_to),
    None for all: their publishers' collections, and documents used by a page they may read live
    or that sits under a publisher they lead."""
    if is_coordinator(user):
        return None
    readable = Q(live=True)
    hidden = hidden_filter(user)
    if hidden is not None:
        readable &= ~hidden
    led = _publishers().led_by(user)
    for path in led.values_list("path", flat=True):
        readable |= Q(path__startswith=path)
    pages = Page.objects.filter(readable)
    # The reference index keeps ids as text, so the numbers are compared as text (never the other
    # way round: PostgreSQL may cast a row of another kind, whose id is not a number, first).
    referenced = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
        to_object_id=Cast(OuterRef("pk"), CharField()),
        object_id__in=pages.annotate(pk_text=Cast("pk", CharField())).values("pk_text"),
    )
    attachments = apps.get_model("resources", "ResourceAttachment").objects
    attached = attachments.filter(page_id__in=pages.values("pk")).values("document_id")
    collections = led.filter(access__isnull=False).values("access__collection_id")
    # Plain id lists, not Exists: the search backends translate only field lookups.
    referenced_ids = get_document_model().objects.filter(Exists(referenced)).values("pk")
    return Q(collection_id__in=collections) | Q(pk__in=attached) | Q(pk__in=referenced_ids)
