"""Who may publish for each publisher: its leads group, its document collection and whether it is trusted.

Kept apart from BoroughPage on purpose: leads can edit their own publisher page (contact
details), so anything that widens their own permissions must live where only coordinators
can change it.
"""

from django.contrib.auth.models import Group
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Collection


class PublisherAccess(models.Model):
    publisher = models.OneToOneField("resources.BoroughPage", on_delete=models.CASCADE, related_name="access")
    leads_group = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="publisher_access")
    collection = models.OneToOneField(Collection, on_delete=models.PROTECT, related_name="publisher_access")
    trusted = models.BooleanField(
        default=False,
        help_text="Trusted publishers' leads publish directly; others' submissions wait for a coordinator.",
    )

    panels = [FieldPanel("trusted")]

    class Meta:
        verbose_name = "publisher access"
        verbose_name_plural = "publisher access"
        ordering = ["publisher__title"]
        permissions = [
            ("override_guard", "Can publish despite personal-data findings, giving a reason"),
            ("view_network_reports", "Can see review dates and adoption across the network"),
        ]

    def __str__(self) -> str:
        return str(self.leads_group)
