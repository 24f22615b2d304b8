"""A publisher added after the migrations gets its audit groups too."""

from typing import Any

from django.apps import apps as django_apps
from django.db.models.signals import post_save
from django.dispatch import receiver

from audits.services.groups import sync_audit_groups
from resources.models import BoroughPage


@receiver(post_save, sender=BoroughPage)
def give_new_boroughs_audit_groups(sender: type, instance: BoroughPage, created: bool, **kwargs: Any) -> None:
    if created and not kwargs.get("raw"):
        sync_audit_groups(django_apps, borough_ids=[instance.pk])
