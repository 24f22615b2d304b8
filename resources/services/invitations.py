"""Inviting someone into a role by email, with a one-time link to set their password."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.roles import COORDINATORS, NETWORK_MEMBERS
from resources.models import BoroughPage, Membership

ROLES = ("lead", "coordinator", "member")


class InvitationError(Exception):
    """Why the invitation cannot be made; nothing has been written."""


@dataclass
class Invitation:
    user: Any
    created: bool
    link: str
    groups: list[str]


def invite(email: str, role: str, publisher_slug: str = "", base_url: str = "") -> Invitation:
    """Create (or update) the account for ``email`` in ``role`` and email a one-time set-password link.

    Everyone invited joins Network members (so they read members-only resources); leads also
    join their publisher's leads group, coordinators the Coordinators group. The link works once:
    Django's token stops being valid when the password is set, and after PASSWORD_RESET_TIMEOUT.
    """
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise InvitationError(f"'{email}' is not an email address.") from None
    if role not in ROLES:
        raise InvitationError(f"Role must be one of {', '.join(ROLES)}.")
    publisher = BoroughPage.objects.filter(slug=publisher_slug).select_related("access__leads_group").first()
    if publisher_slug and publisher is None:
        raise InvitationError(f"No publisher with the slug '{publisher_slug}' (see /boroughs/).")
    if role == "lead" and publisher is None:
        raise InvitationError("A lead needs --publisher, the slug of the borough or body they publish for.")

    groups = [NETWORK_MEMBERS]
    if role == "coordinator":
        groups.append(COORDINATORS)
    if role == "lead":
        groups.append(publisher.access.leads_group.name)
    User = get_user_model()
    with transaction.atomic():
        user = User.objects.filter(email__iexact=email).first() or User.objects.filter(username=email).first()
        created = user is None
        if created:
            user = User(username=email, email=email, is_active=True)
            user.set_unusable_password()
            user.save()
        user.groups.add(*Group.objects.filter(name__in=groups))
        if publisher is not None:
            Membership.objects.update_or_create(user=user, defaults={"borough": publisher})
    link = base_url.rstrip("/") + reverse(
        "wagtailadmin_password_reset_confirm",
        args=[urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)],
    )
    body = render_to_string(
        "resources/email/invitation.txt",
        {"role": role, "publisher": publisher, "link": link, "days": settings.PASSWORD_RESET_TIMEOUT // 86400},
    )
    send_mail("Your London Practice Exchange account", body, settings.DEFAULT_FROM_EMAIL, [email])
    return Invitation(user=user, created=created, link=link, groups=groups)
