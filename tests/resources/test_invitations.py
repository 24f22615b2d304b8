"""invite_user: an account in the right groups and a one-time link to set a password."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command

from core.roles import COORDINATORS, NETWORK_MEMBERS

pytestmark = pytest.mark.django_db


def _invite(*args):
    call_command("invite_user", *args, stdout=io.StringIO())
    return get_user_model().objects.get(email=args[0].lower())


def test_lead_invitation_sets_groups_and_the_link_works_once(client):
    user = _invite("New.Lead@camden.gov.uk", "--role", "lead", "--publisher", "camden")
    assert set(user.groups.values_list("name", flat=True)) == {"Camden leads", NETWORK_MEMBERS}
    assert not user.has_usable_password()
    link = re.search(r"http\S*|/admin/password_reset/confirm/\S+", mail.outbox[0].body).group(0)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    password = "a-long-new-password-for-lead"
    client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"new_password1": password, "new_password2": password},
    )
    user.refresh_from_db()
    assert user.check_password(password)
    again = client.get(link, follow=True)
    assert "new_password1" not in again.content.decode()


def test_coordinator_invitation(client):
    user = _invite("coord@londoncouncils.gov.uk", "--role", "coordinator")
    assert COORDINATORS in set(user.groups.values_list("name", flat=True))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("not-an-email", "--role", "member"), "not an email address"),
        (("a@camden.gov.uk", "--role", "lead"), "needs --publisher"),
        (("a@camden.gov.uk", "--role", "lead", "--publisher", "atlantis"), "No publisher"),
    ],
)
def test_bad_invitations_write_nothing(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("invite_user", *args)
    assert not get_user_model().objects.exists()
    assert mail.outbox == []
