"""Tag listings (taggit's Tag model has no custom manager to hang these on).

Every tag vocabulary a reader sees (spelling, typeahead, related and popular topics, tag pages,
chosen filters) starts from ``readable_tags``: a tag used only on drafts or members-only
resources is itself information the reader may not have.
"""

from typing import Any

from django.apps import apps
from django.db.models import Count, Exists, OuterRef, QuerySet
from taggit.models import Tag

from core.visibility import public_live


def readable_tags(user: Any = None) -> QuerySet[Tag]:
    """Tags carried by at least one live resource ``user`` may read (anonymous when None)."""
    ResourcePage = apps.get_model("resources", "ResourcePage")

    readable = ResourcePage.objects.live().visible_to(user)
    return Tag.objects.filter(Exists(readable.filter(tagged_items__tag=OuterRef("pk"))))


def popular_tags(limit: int = 12) -> QuerySet[Tag]:
    """Tags used by the most live resources, most used first, each annotated with `num_resources`."""
    return (
        Tag.objects.annotate(
            num_resources=Count(
                "resources_resourcepagetag_items",
                filter=public_live("resources_resourcepagetag_items__content_object__"),
            )
        )
        .filter(num_resources__gt=0)
        .order_by("-num_resources", "name")[:limit]
    )


def related_tags(tag: Tag, limit: int = 12, user: Any = None) -> list[Tag]:
    """Tags that most often appear on the same live resources ``user`` may read as `tag`,
    each with `num_resources` shared."""
    ResourcePage = apps.get_model("resources", "ResourcePage")
    ResourcePageTag = ResourcePage.tagged_items.rel.related_model

    readable = ResourcePage.objects.live().visible_to(user).values("pk")
    with_tag = ResourcePageTag.objects.filter(tag=tag, content_object__in=readable).values("content_object")
    return list(
        Tag.objects.exclude(pk=tag.pk)
        .filter(resources_resourcepagetag_items__content_object__in=with_tag)
        .annotate(num_resources=Count("resources_resourcepagetag_items"))
        .order_by("-num_resources", "name")[:limit]
    )
