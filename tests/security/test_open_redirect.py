"""Open redirects: every `next` the project reads (sign-in, second factor, the bulk-action refusal)
only ever leads back into this site; a scan of the source keeps any new reader of `next` on the one checked helper."""

import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

pytestmark = pytest.mark.django_db

HOSTILE_NEXT = [
    "https://evil.example/",
    "http://evil.example/admin/",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "\\/evil.example/",
    " //evil.example/",
    "https:/evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/%09/evil.example/",
    "https://testserver.evil.example/",
    "https://testserver@evil.example/",
]


def assert_stays_here(response) -> None:
    assert response.status_code == 302
    location = response["Location"]
    parts = urlsplit(location)
    assert not parts.scheme and not parts.netloc, location
    assert location.startswith("/") and not location.startswith(("//", "/\\")), location


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("synthetic-editor", "e@exchange.example", "a-long-test-password")


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_sign_in_next(client, editor, target):
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "synthetic-editor", "password": "a-long-test-password", "next": target},
    )
    assert_stays_here(response)


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_sign_in_next_in_the_query_string(client, editor, target):
    response = client.post(
        reverse("wagtailadmin_login") + "?" + "next=" + target,
        {"username": "synthetic-editor", "password": "a-long-test-password"},
    )
    assert_stays_here(response)


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_second_factor_next(client, editor, target):
    device = StaticDevice.objects.create(user=editor, name="Recovery codes", confirmed=True)
    StaticToken.objects.create(device=device, token="synthcode1")
    client.force_login(editor, two_factor=False)
    response = client.post(reverse("accounts_two_factor_verify"), {"token": "synthcode1", "next": target})
    assert_stays_here(response)


def test_a_local_next_is_still_followed(client, editor):
    device = StaticDevice.objects.create(user=editor, name="Recovery codes", confirmed=True)
    StaticToken.objects.create(device=device, token="synthcode1")
    client.force_login(editor, two_factor=False)
    response = client.post(reverse("accounts_two_factor_verify"), {"token": "synthcode1", "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"


@pytest.fixture
def refused_page(camden):
    """A draft the personal-data guard refuses to publish (a synthetic NHS number, test range)."""
    from tests.factories import ResourcePageFactory

    page = ResourcePageFactory(parent=camden, title="Synthetic refused draft")
    page.summary = "Chronology example: NHS number 999 012 6704 recorded on the referral."
    page.save_revision()
    return page


def bulk_publish(client, page, target: str):
    url = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next={quote(target, safe='')}"
    return client.post(url)


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_bulk_action_refusal_next(admin_client, refused_page, target):
    response = bulk_publish(admin_client, refused_page, target)
    assert_stays_here(response)
    assert "999 012 6704" not in type(refused_page).objects.get(pk=refused_page.pk).summary  # it was the refusal


def test_bulk_action_refusal_follows_a_local_next(admin_client, refused_page):
    response = bulk_publish(admin_client, refused_page, f"/admin/pages/{refused_page.pk}/")
    assert response["Location"] == f"/admin/pages/{refused_page.pk}/"
    assert "looks like it contains personal data" in admin_client.get(response["Location"]).content.decode()


ROOT = Path(__file__).resolve().parents[2]
READS_NEXT = re.compile(r"""(GET|POST|REQUEST|data|params)(\.get|\.getlist|\[)\(?\s*["']next["']""")


def test_only_the_checked_helper_reads_next():
    """A new view reading `next` itself would be a new open redirect: it must call core.next_url."""
    readers = []
    for path in ROOT.glob("*/**/*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in {".venv", "node_modules", "tests"} or "migrations" in relative.parts:
            continue
        if READS_NEXT.search(path.read_text(encoding="utf-8")):
            readers.append(str(relative))
    assert readers == ["core/next_url.py"]
