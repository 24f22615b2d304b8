"""The audit roles, as Wagtail groups granted per borough like the publishing roles.

- "Audit coordinators" (network-wide): build tools, run rounds, see every return and export.
- "<borough> audit leads": accept invitations, manage their auditors, reopen returns.
- "<borough> auditors": enter and import their borough's returns.
Members of a borough taking part in a round (by any tie: membership, publishing or audit
groups) see its pooled findings; nobody else does.
"""

from typing import Any

from django.apps import apps
from django.db.models import Q, QuerySet

AUDIT_COORDINATORS = "Audit coordinators"


def audit_leads_group_name(borough_title: str) -> str:
    return f"{borough_title} audit leads"


def auditors_group_name(borough_title: str) -> str:
    return f"{borough_title} auditors"


def _active(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active)


def is_audit_coordinator(user: Any) -> bool:
    if not _active(user):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_audit_coordinator", None)
    if cached is None:
        cached = user.groups.filter(name=AUDIT_COORDINATORS).exists()
        user._audit_coordinator = cached
    return cached


def _boroughs() -> QuerySet:
    # By name: the models' querysets use these checks.
    return apps.get_model("resources", "BoroughPage").objects


def boroughs_led_for_audit(user: Any) -> QuerySet:
    """Boroughs whose audit leads group ``user`` is in (every borough for coordinators)."""
    if not _active(user):
        return _boroughs().none()
    if is_audit_coordinator(user):
        return _boroughs().all()
    return _boroughs().filter(audit_access__leads_group__in=user.groups.all())


def boroughs_audited_by(user: Any) -> QuerySet:
    """Boroughs whose returns ``user`` enters or manages: their audit leads or auditors groups."""
    if not _active(user):
        return _boroughs().none()
    if is_audit_coordinator(user):
        return _boroughs().all()
    groups = user.groups.all()
    return (
        _boroughs()
        .filter(Q(audit_access__leads_group__in=groups) | Q(audit_access__auditors_group__in=groups))
        .distinct()
    )


def boroughs_of(user: Any) -> QuerySet:
    """Every borough ``user`` works for: membership, publishing leads, audit leads or auditors."""
    if not _active(user):
        return _boroughs().none()
    groups = user.groups.all()
    return (
        _boroughs()
        .filter(
            Q(members__user=user)
            | Q(access__leads_group__in=groups)
            | Q(audit_access__leads_group__in=groups)
            | Q(audit_access__auditors_group__in=groups)
        )
        .distinct()
    )
