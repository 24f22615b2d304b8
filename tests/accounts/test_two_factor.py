"""Every account with admin access gives a second factor: enrolment at first sign-in, TOTP or a recovery code."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.policy import DEMO_USERNAME

ADMIN = "/admin/"


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


@pytest.fixture
def enrolled(editor):
    return TOTPDevice.objects.create(user=editor, name="Authenticator app", confirmed=True)


def test_first_sign_in_leads_to_enrolment_before_anything_else(client, editor, sign_in):
    sign_in(editor.username)
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts_two_factor_setup"))
    assert client.get(reverse("wagtailadmin_pages:add_subpage", args=[1])).status_code == 302


def test_enrolment_with_a_right_code_turns_it_on_and_shows_recovery_codes(client, editor, sign_in):
    sign_in(editor.username)
    page = client.get(reverse("accounts_two_factor_setup"))
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    done = client.post(reverse("accounts_two_factor_setup"), {"token": code_for(device), "next": ADMIN})
    assert "your recovery codes" in done.content.decode()
    codes = list(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert len(codes) == 10
    assert all(code in done.content.decode() for code in codes)
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert client.get(ADMIN).status_code == 200


def test_enrolment_with_a_wrong_code_is_refused(client, editor, sign_in):
    sign_in(editor.username)
    client.get(reverse("accounts_two_factor_setup"))
    response = client.post(reverse("accounts_two_factor_setup"), {"token": "000000"})
    assert "That code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert client.get(ADMIN).status_code == 302


def test_with_a_device_the_password_alone_is_not_enough(client, enrolled, editor, sign_in):
    sign_in(editor.username)
    response = client.get(ADMIN)
    assert response["Location"].startswith(reverse("accounts_two_factor_verify"))
    # A stolen password cannot enrol a second device of the attacker's own.
    assert client.get(reverse("accounts_two_factor_setup"))["Location"].startswith(
        reverse("accounts_two_factor_verify")
    )


def test_totp_code_signs_in_and_returns_to_the_page_asked_for(client, enrolled, editor, sign_in):
    sign_in(editor.username)
    wanted = reverse("wagtaildocs:index")
    response = client.post(reverse("accounts_two_factor_verify"), {"token": code_for(enrolled), "next": wanted})
    assert response["Location"] == wanted
    assert client.get(wanted).status_code == 200


def test_recovery_code_works_once(client, enrolled, editor, sign_in):
    from accounts.recovery import issue_recovery_codes

    code = issue_recovery_codes(editor)[0]
    sign_in(editor.username)
    assert client.post(reverse("accounts_two_factor_verify"), {"token": code}).status_code == 302
    assert client.get(ADMIN).status_code == 200
    client.logout()
    sign_in(editor.username)
    response = client.post(reverse("accounts_two_factor_verify"), {"token": code})
    assert "That code is not right, or has been used" in response.content.decode()


def test_next_cannot_send_the_user_to_another_site(client, enrolled, editor, sign_in):
    sign_in(editor.username)
    response = client.post(
        reverse("accounts_two_factor_verify"), {"token": code_for(enrolled), "next": "https://attacker.example/"}
    )
    assert response["Location"] == reverse("wagtailadmin_home")


def test_issuing_new_recovery_codes_cancels_the_old_ones(client, editor):
    from accounts.recovery import issue_recovery_codes

    old = issue_recovery_codes(editor)
    client.force_login(editor)
    response = client.post(reverse("accounts_recovery_codes"))
    new = list(
        StaticToken.objects.filter(device__user=editor, device__name="Recovery codes").values_list("token", flat=True)
    )
    assert len(new) == 10
    assert not set(old) & set(new)
    assert all(code in response.content.decode() for code in new)


def test_user_without_admin_access_is_not_asked(client, db):
    member = get_user_model().objects.create_user("synthetic-member", password="a-long-test-password")
    client.force_login(member, two_factor=False)
    assert client.get("/").status_code == 200


class TestDemoAdministrator:
    @pytest.fixture
    def demo_admin(self, db):
        return get_user_model().objects.create_superuser(DEMO_USERNAME, "demo@exchange.example", "x-long-password-1")

    def test_skips_two_factor_only_while_debug_is_on(self, client, settings, demo_admin):
        client.force_login(demo_admin, two_factor=False)
        settings.DEBUG = True
        assert client.get(ADMIN).status_code == 200
        settings.DEBUG = False
        assert client.get(ADMIN)["Location"].startswith(reverse("accounts_two_factor_setup"))

    def test_no_other_account_skips_it_with_debug_on(self, client, settings, editor):
        settings.DEBUG = True
        client.force_login(editor, two_factor=False)
        assert client.get(ADMIN).status_code == 302


def test_the_sign_in_page_names_the_exchange_and_says_what_comes_after_the_password(client, db):
    page = client.get("/admin/login/").content.decode()
    assert "Sign in to the London Practice Exchange" in page
    assert "Sign in to Wagtail" not in page
    assert "6-digit code from an authenticator app" in page
    assert "recovery codes" in page
