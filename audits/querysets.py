"""Listing logic for rounds, invitations and returns: who may see which, in which state."""

from __future__ import annotations

from typing import Any

from django.db import models

from audits.enums import Participation, ReturnStatus
from audits.roles import boroughs_audited_by, boroughs_of, is_audit_coordinator


class AuditRoundQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> AuditRoundQuerySet:
        """Rounds whose pooled findings ``user`` may read: coordinators all; others the rounds one
        of their boroughs takes part in. Anonymous readers none (they read the published findings)."""
        if is_audit_coordinator(user):
            return self.all()
        taking_part = boroughs_of(user).values("pk")
        return self.filter(boroughs__borough__in=taking_part, boroughs__status=Participation.ACCEPTED).distinct()


class RoundBoroughQuerySet(models.QuerySet):
    def taking_part(self) -> RoundBoroughQuerySet:
        return self.filter(status=Participation.ACCEPTED)


class AuditReturnQuerySet(models.QuerySet):
    def submitted(self) -> AuditReturnQuerySet:
        return self.filter(status=ReturnStatus.SUBMITTED)

    def visible_to(self, user: Any) -> AuditReturnQuerySet:
        """Returns ``user`` may open: coordinators every one; audit leads and auditors their borough's."""
        if is_audit_coordinator(user):
            return self.all()
        return self.filter(borough__in=boroughs_audited_by(user).values("pk"))
