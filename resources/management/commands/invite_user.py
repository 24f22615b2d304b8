"""python manage.py invite_user EMAIL --role lead|coordinator|member [--publisher SLUG] [--base-url URL]"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from resources.services.invitations import ROLES, InvitationError, invite


class Command(BaseCommand):
    help = "Invite someone into a role by email; they get a one-time link to set their password."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--role", choices=ROLES, required=True)
        parser.add_argument("--publisher", default="", help="Slug of the borough or body (required for leads).")
        parser.add_argument(
            "--base-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="The site's address for links (default: WAGTAILADMIN_BASE_URL).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            invitation = invite(options["email"], options["role"], options["publisher"], options["base_url"])
        except InvitationError as error:
            raise CommandError(str(error)) from None
        verb = "Created" if invitation.created else "Updated"
        self.stdout.write(f"{verb} {invitation.user.email} in: {', '.join(invitation.groups)}. Invitation emailed.")
