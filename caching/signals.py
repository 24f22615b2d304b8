"""What purges the page cache: every change that can alter a page an anonymous visitor sees.

Publishing, unpublishing, moving and deleting pages (a resource's tags, borough page, review
date and attachments change through publishing or moving), and the rows public pages show
beside pages: tags, vocabularies, view restrictions (a page turning members-only must
disappear from the cache at once), documents, adoptions, synonyms and tag redirects (search
and tag pages), search promotions, sites. Bookings (places left) purge only the pages that
show places (caching.services.BOOKINGS_KEY). Wired per model rather than for every model, so
bulk deletes elsewhere keep Django's fast path.
"""

from typing import Any

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import ItemBase
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from caching.services import purge_all, purge_bookings

WATCHED_MODELS = (
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtailcore.site",
    "taggit.tag",
    "resources.cpstage",
    "resources.soselement",
    "resources.audience",
    "resources.adoption",
    "resources.exchangedocument",
    "wagtailimages.image",
    "search.synonymgroup",
    "search.tagredirect",
    "wagtailsearchpromotions.searchpromotion",
)


def _purge(sender: Any, **kwargs: Any) -> None:
    purge_all(f"{sender._meta.label_lower} changed")


def _purge_bookings(sender: Any, **kwargs: Any) -> None:
    purge_bookings(f"{sender._meta.label_lower} changed")


def _purge_page_event(sender: Any, **kwargs: Any) -> None:
    purge_all(f"page event from {sender._meta.label_lower}")


def watched_models() -> list[type]:
    """Every model whose rows appear on public pages (the tag through-tables found by type)."""
    models = [apps.get_model(label) for label in WATCHED_MODELS]
    models += [model for model in apps.get_models() if issubclass(model, ItemBase) and not model._meta.abstract]
    models += [model for model in get_page_models() if model is not Page] + [Page]
    return models


def connect() -> None:
    """Called once from CachingConfig.ready()."""
    for model in watched_models():
        post_save.connect(_purge, sender=model, dispatch_uid=f"pagecache-save-{model._meta.label_lower}")
        post_delete.connect(_purge, sender=model, dispatch_uid=f"pagecache-delete-{model._meta.label_lower}")
    booking = apps.get_model("events.booking")
    post_save.connect(_purge_bookings, sender=booking, dispatch_uid="pagecache-save-booking")
    post_delete.connect(_purge_bookings, sender=booking, dispatch_uid="pagecache-delete-booking")
    m2m_changed.connect(_purge, sender=PageViewRestriction.groups.through, dispatch_uid="pagecache-restriction-groups")
    page_published.connect(_purge_page_event, dispatch_uid="pagecache-published")
    page_unpublished.connect(_purge_page_event, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_purge_page_event, dispatch_uid="pagecache-moved")
