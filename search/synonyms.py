"""The synonym list as the query builder needs it: cached, and refreshed when coordinators edit it."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from search.models import SynonymGroup

_CACHE_KEY = "search:synonym-groups:v1"


def synonym_groups() -> list[list[str]]:
    """Every group's normalised terms (longest first); one query per cache lifetime."""
    groups = cache.get(_CACHE_KEY)
    if groups is None:
        groups = [terms for group in SynonymGroup.objects.all() if len(terms := group.term_list()) > 1]
        cache.set(_CACHE_KEY, groups, 60 * 60)
    return groups


@receiver([post_save, post_delete], sender=SynonymGroup)
def _forget_synonyms(**kwargs: object) -> None:
    cache.delete(_CACHE_KEY)
