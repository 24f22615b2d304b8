"""Records of the network at work: which boroughs use which resources, who belongs to which
borough, and which review reminders have gone out."""

from django.conf import settings
from django.db import models


class Membership(models.Model):
    """The borough a network member works for (leads' boroughs come from their leads groups)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    borough = models.ForeignKey("resources.BoroughPage", on_delete=models.CASCADE, related_name="members")

    def __str__(self) -> str:
        return f"{self.user} ({self.borough})"


class Adoption(models.Model):
    """'My borough uses this': once per borough and resource, withdrawn by deleting it."""

    resource = models.ForeignKey("resources.ResourcePage", on_delete=models.CASCADE, related_name="adoptions")
    borough = models.ForeignKey("resources.BoroughPage", on_delete=models.CASCADE, related_name="adoptions")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["resource", "borough"], name="one_adoption_per_borough")]
        ordering = ["borough__title"]

    def __str__(self) -> str:
        return f"{self.borough} uses {self.resource}"


class ReviewReminder(models.Model):
    """One digest per publisher per period, so the daily cron sends each digest once."""

    publisher = models.ForeignKey("resources.BoroughPage", on_delete=models.CASCADE, related_name="review_reminders")
    period = models.CharField(max_length=10, help_text="ISO week, e.g. 2026-W48.")
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)
    resources = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["publisher", "period"], name="one_reminder_per_period")]

    def __str__(self) -> str:
        return f"{self.publisher} {self.period}"
