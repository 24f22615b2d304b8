"""Users in each role and the POST data of the resource editor, for tests that go through the admin."""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.roles import COORDINATORS, NETWORK_MEMBERS


def make_user(username: str, *groups: str) -> Any:
    user = get_user_model().objects.create_user(username, f"{username}@exchange.example", "a-long-test-password")
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


def lead_of(publisher_title: str, username: str = "lead") -> Any:
    return make_user(username, f"{publisher_title} leads")


def coordinator(username: str = "coordinator") -> Any:
    return make_user(username, COORDINATORS)


def member(username: str = "member") -> Any:
    return make_user(username, NETWORK_MEMBERS)


def resource_form_data(page: Any, action: str | None = None, **overrides: Any) -> dict[str, Any]:
    """What the editor posts for ``page`` unchanged, plus an action button and any field overrides."""
    fields = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "resource_type": page.resource_type,
        "body": streamfield([]),
        "attachments": inline_formset([]),
        "related_resources": inline_formset([]),
        "comments": inline_formset([]),
        "tags": ", ".join(tag.name for tag in page.tags.all()),
        "published_date": str(page.published_date or ""),
        "last_reviewed": str(page.last_reviewed or ""),
        "review_due": str(page.review_due or ""),
        "version": page.version,
        "source_id": page.source_id,
        "contact_name": page.contact_name,
        "contact_email": page.contact_email,
    }
    fields.update(overrides)
    data = nested_form_data(fields)
    if action:
        data[action] = "1"
    return data
