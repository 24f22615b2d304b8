"""A publisher added on the live site gets a leads group (resources.services.role_groups); let it draft events too."""

from typing import Any

from django.apps import apps as django_apps
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from events.models import EventPage
from events.services.bookings import fill_places
from events.services.event_permissions import grant_event_drafting
from resources.models import PublisherAccess


@receiver(post_save, sender=PublisherAccess)
def let_new_leads_draft_events(sender: type, instance: PublisherAccess, created: bool, **kwargs: Any) -> None:
    if created and not kwargs.get("raw"):
        grant_event_drafting(django_apps, group_ids=[instance.leads_group_id])


@receiver(page_published)
def fill_places_when_capacity_rises(sender: type, instance: Any, **kwargs: Any) -> None:
    """A coordinator who raises the capacity (or removes it) gives the new places to people waiting."""
    if (
        isinstance(instance, EventPage)
        and not instance.is_cancelled
        and not instance.is_past()
        and instance.bookings.waiting().exists()
    ):
        fill_places(instance)
