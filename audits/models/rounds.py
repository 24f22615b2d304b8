"""Audit rounds, the boroughs invited to them, and each borough's audit groups."""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone

from audits.enums import Participation
from audits.querysets import AuditRoundQuerySet, RoundBoroughQuerySet


class AuditAccess(models.Model):
    """A borough's audit groups, created with the borough (audits.services.groups).

    Apart from the publishing groups (resources.PublisherAccess): auditing case files and
    publishing practice are different jobs, often different people.
    """

    borough = models.OneToOneField("resources.BoroughPage", on_delete=models.CASCADE, related_name="audit_access")
    leads_group = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="audit_leads_of")
    auditors_group = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="auditors_of")

    def __str__(self) -> str:
        return f"Audit groups of {self.borough}"


class AuditRound(models.Model):
    """One round of an audit: a frozen tool version, dates, a target and invited boroughs."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True, help_text="The round's address: /audits/<slug>/.")
    version = models.ForeignKey("audits.AuditToolVersion", on_delete=models.PROTECT, related_name="rounds")
    opens_on = models.DateField()
    closes_on = models.DateField(help_text="Returns can be submitted until the end of this day.")
    target_cases = models.PositiveSmallIntegerField("Target cases per borough", default=10)
    findings = models.ForeignKey(
        "resources.ResourcePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The published findings (an audit findings resource).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AuditRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "title"]

    def __str__(self) -> str:
        return self.title

    def is_open(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on

    def is_closed(self, today: datetime.date | None = None) -> bool:
        return (today or timezone.localdate()) > self.closes_on


class RoundBorough(models.Model):
    """A borough invited to a round: whether it takes part and whether other participants see its name."""

    round = models.ForeignKey(AuditRound, on_delete=models.CASCADE, related_name="boroughs")
    borough = models.ForeignKey("resources.BoroughPage", on_delete=models.CASCADE, related_name="audit_rounds")
    status = models.CharField(max_length=10, choices=Participation.choices, default=Participation.INVITED)
    named = models.BooleanField(
        "Name our borough to other participants", default=False, help_text="Otherwise shown as Borough A, B, …"
    )
    # Fixed when invited so "Borough C" means one borough throughout the round.
    letter = models.CharField(max_length=3)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    responded_at = models.DateTimeField(null=True, blank=True)

    objects = RoundBoroughQuerySet.as_manager()

    class Meta:
        ordering = ["round", "letter"]
        constraints = [
            models.UniqueConstraint(fields=["round", "borough"], name="one_invitation_per_borough"),
            models.UniqueConstraint(fields=["round", "letter"], name="one_letter_per_round"),
        ]

    def __str__(self) -> str:
        return f"{self.borough} in {self.round}"

    @property
    def alias(self) -> str:
        return f"Borough {self.letter}"
