"""Adoption: a borough recording that it uses another publisher's resource."""

from typing import Any

from django.db import IntegrityError, transaction

from core.roles import is_network_member
from resources.models import Adoption, BoroughPage, ResourcePage


class AdoptionRefused(Exception):
    """Why the adoption cannot be recorded; the message is shown to the person."""


def can_record(user: Any) -> bool:
    return is_network_member(user) or BoroughPage.objects.led_by(user).exists()


def adopt(resource: ResourcePage, borough: BoroughPage, user: Any) -> bool:
    """Record that ``borough`` uses ``resource``; False if it already had. Refuses its own resources."""
    _check(resource, borough, user)
    if resource.borough_id == borough.pk:
        raise AdoptionRefused(f"This resource is {borough.title}'s own; adoption records use of other boroughs' work.")
    try:
        with transaction.atomic():
            Adoption.objects.create(resource=resource, borough=borough, recorded_by=user)
    except IntegrityError:
        return False
    return True


def withdraw(resource: ResourcePage, borough: BoroughPage, user: Any) -> bool:
    """Remove ``borough``'s adoption of ``resource``; False if there was none."""
    _check(resource, borough, user)
    deleted, _ = Adoption.objects.filter(resource=resource, borough=borough).delete()
    return bool(deleted)


def _check(resource: ResourcePage, borough: BoroughPage, user: Any) -> None:
    if not can_record(user):
        raise AdoptionRefused("Only network members and borough leads can record that their borough uses a resource.")
    if not BoroughPage.objects.adoptable_by(user).filter(pk=borough.pk).exists():
        raise AdoptionRefused(f"You can only record adoption for your own borough, not {borough.title}.")
    if not resource.live:
        raise AdoptionRefused("This resource is not published.")
