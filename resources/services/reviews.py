"""The review lifecycle: marking a resource "reviewed, no change" and the leads' weekly digest."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.log_actions import log

from resources.models import BoroughPage, ResourcePage, ReviewReminder
from resources.models.resource import default_review_due

REVIEWED_LOG_ACTION = "exchange.reviewed_no_change"
DUE_WITHIN_DAYS = 30


class ReviewRefused(Exception):
    """Why a resource cannot be marked reviewed; the message is shown to the editor."""


def mark_reviewed(page: ResourcePage, user: Any, today: datetime.date | None = None) -> ResourcePage:
    """Record that the resource was reviewed and still stands: last reviewed today, due again in 12 months.

    The content is unchanged, so this publishes a revision directly rather than going through
    moderation; it is refused while there are unpublished changes, which must be reviewed first.
    """
    today = today or timezone.localdate()
    page = ResourcePage.objects.get(pk=page.pk)
    if not page.live:
        raise ReviewRefused("Only published resources can be marked as reviewed.")
    if page.has_unpublished_changes:
        raise ReviewRefused(
            "This resource has unpublished changes. Publish or submit them instead: that review will set the new dates."
        )
    previous_due = page.review_due
    page.last_reviewed = today
    page.review_due = default_review_due(today)
    with transaction.atomic():
        revision = page.save_revision(user=user, log_action=False)
        # Leads without publish permission may do this: only the dates change, which is the review itself.
        revision.publish(user=user, log_action=False, skip_permission_checks=True)
        log(
            instance=page,
            action=REVIEWED_LOG_ACTION,
            user=user,
            data={"previous_due": str(previous_due or ""), "review_due": page.review_due.isoformat()},
        )
    return page


@dataclass
class Digest:
    publisher: BoroughPage
    overdue: list[ResourcePage] = field(default_factory=list)
    due_soon: list[ResourcePage] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.overdue) + len(self.due_soon)


def digest_for(publisher: BoroughPage, today: datetime.date) -> Digest:
    """The publisher's live resources that are overdue or due within 30 days."""
    resources = ResourcePage.objects.live().in_borough(publisher).due_for_review(DUE_WITHIN_DAYS, today)
    digest = Digest(publisher)
    for resource in resources.order_by("review_due", "title"):
        (digest.overdue if resource.review_due < today else digest.due_soon).append(resource)
    return digest


def period_of(today: datetime.date) -> str:
    year, week, _ = today.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass
class ReminderReport:
    sent: list[str] = field(default_factory=list)
    already_sent: list[str] = field(default_factory=list)
    without_leads: list[str] = field(default_factory=list)


def send_review_reminders(
    today: datetime.date | None = None,
    base_url: str = "",
    progress: Callable[[Iterable[Any], str, int], Iterable[Any]] = lambda items, label, total: items,
) -> ReminderReport:
    """Email each publisher's leads one digest of due and overdue resources per ISO week.

    Safe to run daily: a digest already sent this week is not sent again, and publishers
    with nothing due get nothing.
    """
    today = today or timezone.localdate()
    period = period_of(today)
    report = ReminderReport()
    publishers = list(BoroughPage.objects.select_related("access__leads_group").order_by("title"))
    for publisher in progress(publishers, "Publishers", len(publishers)):
        digest = digest_for(publisher, today)
        if not digest.count:
            continue
        if ReviewReminder.objects.filter(publisher=publisher, period=period).exists():
            report.already_sent.append(publisher.title)
            continue
        recipients = _lead_emails(publisher)
        if not recipients:
            report.without_leads.append(publisher.title)
            continue
        try:
            with transaction.atomic():
                ReviewReminder.objects.create(
                    publisher=publisher, period=period, recipients=len(recipients), resources=digest.count
                )
                _send(digest, recipients, today, base_url)
        except IntegrityError:  # another run got there first
            report.already_sent.append(publisher.title)
            continue
        report.sent.append(publisher.title)
    return report


def _lead_emails(publisher: BoroughPage) -> list[str]:
    access = getattr(publisher, "access", None)
    if access is None:
        return []
    users = access.leads_group.user_set.filter(is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def _send(digest: Digest, recipients: list[str], today: datetime.date, base_url: str) -> None:
    context = {"digest": digest, "today": today, "base_url": base_url.rstrip("/")}
    body = render_to_string("resources/email/review_digest.txt", context)
    subject = f"{digest.publisher.title}: {len(digest.overdue)} overdue, {len(digest.due_soon)} due for review"
    # One message per lead, so no lead sees the others' addresses.
    for address in recipients:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
