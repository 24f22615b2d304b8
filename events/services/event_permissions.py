"""Event permissions for the network's roles (see core.roles).

Leads groups get 'add' on /events/: they draft events (host limited to their own publisher
by events.admin_forms) and submit them to the coordinator-approval workflow; they edit only
events they created. Coordinators already add, change and publish everywhere under home;
they also see the outgoing-email report. Written against an app registry so the data
migration and the running site share it; idempotent.
"""

from typing import Any

from core.roles import COORDINATORS


def _permission(apps: Any, app_label: str, codename: str) -> Any:
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant_event_drafting(apps: Any, group_ids: list[int] | None = None) -> None:
    """Give leads groups (all, or those in ``group_ids``) 'add' on the events index."""
    EventIndexPage = apps.get_model("events", "EventIndexPage")
    PublisherAccess = apps.get_model("resources", "PublisherAccess")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    index = EventIndexPage.objects.first()
    if index is None:
        return
    add_page = _permission(apps, "wagtailcore", "add_page")
    accesses = PublisherAccess.objects.all()
    if group_ids is not None:
        accesses = accesses.filter(leads_group_id__in=group_ids)
    for access in accesses:
        GroupPagePermission.objects.get_or_create(group_id=access.leads_group_id, page_id=index.pk, permission=add_page)


def grant_coordinator_outbox(apps: Any) -> None:
    Group = apps.get_model("auth", "Group")
    coordinators = Group.objects.filter(name=COORDINATORS).first()
    if coordinators is not None:
        coordinators.permissions.add(_permission(apps, "notifications", "view_outboundemail"))
