"""Found from outside: ten password-reset requests sent ten emails to one lead. Each address now
gets a few, however its case is written, and other addresses are not held up by it."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

pytestmark = pytest.mark.django_db

URL = "/admin/password_reset/"


@pytest.fixture
def lead(db):
    return get_user_model().objects.create_user("reset-lead", "reset-lead@camden.example", "a-long-test-password")


def test_a_few_reset_emails_per_address_then_429(client, lead, settings, django_capture_on_commit_callbacks):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "password_reset": "3/h"}
    answers = []
    for spelling in ["reset-lead@camden.example", "RESET-LEAD@camden.example", " reset-lead@camden.example", "x"]:
        with django_capture_on_commit_callbacks(execute=True):
            answers.append(client.post(URL, {"email": spelling if spelling != "x" else "reset-lead@camden.example"}))
    assert [r.status_code for r in answers] == [302, 302, 302, 429]
    assert len([m for m in mail.outbox if "reset-lead@camden.example" in m.to]) <= 3
    # Another address is not held up by that one.
    assert client.post(URL, {"email": "someone-else@camden.example"}).status_code == 302


def test_the_form_itself_still_works(client, lead):
    assert client.get(URL).status_code == 200
