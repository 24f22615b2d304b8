import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from demo.management.commands.create_demo_admin import DEMO_PASSWORD, DEMO_USERNAME


@pytest.mark.django_db
def test_creates_a_superuser_once_and_prints_the_login(settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("create_demo_admin", stdout=out)
    call_command("create_demo_admin", stdout=out)
    users = get_user_model().objects.filter(username=DEMO_USERNAME)
    assert users.count() == 1
    assert users.get().is_superuser
    assert users.get().check_password(DEMO_PASSWORD)
    assert f"{DEMO_USERNAME} / {DEMO_PASSWORD}" in out.getvalue()


@pytest.mark.django_db
def test_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("create_demo_admin")
    assert not get_user_model().objects.filter(username=DEMO_USERNAME).exists()


@pytest.mark.django_db
def test_the_printed_address_is_the_one_the_site_is_served_at(settings):
    """`make run PORT=8100` sets WAGTAILADMIN_BASE_URL to its own address; the login line says it."""
    settings.DEBUG = True
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8100"
    out = io.StringIO()
    call_command("create_demo_admin", stdout=out)
    assert "sign in at http://127.0.0.1:8100/admin/" in out.getvalue()
