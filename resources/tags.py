"""Tag listings (taggit's Tag model has no custom manager to hang these on)."""

from django.db.models import Count, QuerySet
from taggit.models import Tag

from resources.services.visibility import public_live


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


def related_tags(tag: Tag, limit: int = 12) -> list[Tag]:
    """Tags that most often appear on the same live resources as `tag`, each with `num_resources` shared."""
    from resources.models import ResourcePageTag

    with_tag = ResourcePageTag.objects.filter(tag=tag).filter(public_live("content_object__")).values("content_object")
    return list(
        Tag.objects.exclude(pk=tag.pk)
        .filter(resources_resourcepagetag_items__content_object__in=with_tag)
        .annotate(num_resources=Count("resources_resourcepagetag_items"))
        .order_by("-num_resources", "name")[:limit]
    )
