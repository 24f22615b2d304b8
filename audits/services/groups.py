"""The audit groups and their permissions, written against an app registry so the data migration
(historical models) and the running site (a publisher added later) share one implementation.
Idempotent: running it again changes nothing."""

from typing import Any

from audits.roles import AUDIT_COORDINATORS, audit_leads_group_name, auditors_group_name

# What builds tools and runs rounds in the admin (Wagtail's snippet and model views check these).
COORDINATOR_PERMISSIONS = tuple(
    ("audits", f"{action}_{model}")
    for model in ("audittool", "ratingscale", "auditround")
    for action in ("add", "change", "delete", "view")
)


def _permission(apps: Any, app_label: str, codename: str) -> Any:
    return apps.get_model("auth", "Permission").objects.get(content_type__app_label=app_label, codename=codename)


def sync_audit_groups(apps: Any, borough_ids: list[int] | None = None) -> None:
    """Audit coordinators, and for each borough (all, or ``borough_ids``) its audit leads and auditors."""
    Group = apps.get_model("auth", "Group")
    BoroughPage = apps.get_model("resources", "BoroughPage")
    AuditAccess = apps.get_model("audits", "AuditAccess")
    access_admin = _permission(apps, "wagtailadmin", "access_admin")

    coordinators, _ = Group.objects.get_or_create(name=AUDIT_COORDINATORS)
    coordinators.permissions.add(access_admin, *(_permission(apps, *perm) for perm in COORDINATOR_PERMISSIONS))

    boroughs = BoroughPage.objects.order_by("path")
    if borough_ids is not None:
        boroughs = boroughs.filter(pk__in=borough_ids)
    for borough in boroughs.exclude(pk__in=AuditAccess.objects.values("borough_id")):
        leads, _ = Group.objects.get_or_create(name=audit_leads_group_name(borough.title))
        auditors, _ = Group.objects.get_or_create(name=auditors_group_name(borough.title))
        # The admin is where returns are entered: it asks for the second sign-in factor.
        leads.permissions.add(access_admin)
        auditors.permissions.add(access_admin)
        AuditAccess.objects.create(borough_id=borough.pk, leads_group=leads, auditors_group=auditors)
