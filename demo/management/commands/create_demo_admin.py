"""python manage.py create_demo_admin: a superuser for exploring the demo, only while DEBUG is on."""

import os
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.policy import DEMO_USERNAME

# The one account allowed to skip two-factor sign-in, and only while DEBUG is on.
# Public on purpose: it exists only on a developer's machine with DEBUG on.
DEMO_PASSWORD = os.environ.get("DEMO_ADMIN_PASSWORD", "practice-exchange-demo")


class Command(BaseCommand):
    help = "Create (or reset) the demo administrator and print its credentials. Refuses unless DEBUG is on."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("The demo administrator is only for local development (DEBUG on).")
        user, created = get_user_model().objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={
                "email": "demo-admin@practice-exchange.example",
                "first_name": "Demo",
                "last_name": "Administrator",
            },
        )
        user.is_staff = user.is_superuser = user.is_active = True
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
        user.save()
        self.stdout.write(
            f"Demo administrator {'created' if created else 'ready'}: "
            f"sign in at {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/ as {DEMO_USERNAME} / {DEMO_PASSWORD}"
        )
