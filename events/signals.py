"""A publisher added on the live site gets a leads group (resources.services.access); let it draft events too."""

from typing import Any

from django.apps import apps as django_apps
from django.db.models.signals import post_save
from django.dispatch import receiver

from resources.models import PublisherAccess


@receiver(post_save, sender=PublisherAccess)
def let_new_leads_draft_events(sender: type, instance: PublisherAccess, created: bool, **kwargs: Any) -> None:
    if created and not kwargs.get("raw"):
        from events.services.access import grant_event_drafting

        grant_event_drafting(django_apps, group_ids=[instance.leads_group_id])
