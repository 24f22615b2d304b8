"""Passkeys (django-otp-webauthn) as a second factor: the wiring around the package's ceremonies.

The ceremonies themselves run in Chromium with a virtual authenticator
(tests/browser/test_passkeys.py); here: who may reach what, and that a passkey is a device.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from tests.accounts.conftest import PASSWORD

ADMIN = "/admin/"


def make_passkey(user, name: str = "Synthetic passkey") -> WebAuthnCredential:
    # Made-up key material: enough to be a confirmed django-otp device, never used to sign.
    return WebAuthnCredential.objects.create(
        user=user, name=name, confirmed=True, credential_id=f"synthetic-{name}".encode(), public_key=b"not-a-key"
    )


@pytest.fixture
def enrolled(editor):
    return TOTPDevice.objects.create(user=editor, name="Authenticator app", confirmed=True)


@pytest.fixture
def verified(client, editor, enrolled, sign_in):
    """Signed in with password and a TOTP code: a verified session."""
    sign_in(editor.username)
    code = f"{totp(enrolled.bin_key, step=enrolled.step, t0=enrolled.t0, digits=enrolled.digits):06d}"
    response = client.post(reverse("accounts_two_factor_verify"), {"token": code, "next": ADMIN})
    assert response["Location"] == ADMIN
    return client


def test_a_passkey_alone_counts_as_a_second_factor(client, editor, sign_in):
    make_passkey(editor)
    sign_in(editor.username)
    # Sent to verify, not to enrol: the passkey is a confirmed device.
    assert client.get(ADMIN)["Location"].startswith(reverse("accounts_two_factor_verify"))
    assert client.get(reverse("accounts_two_factor_setup"))["Location"].startswith(
        reverse("accounts_two_factor_verify")
    )


def test_verify_page_offers_a_passkey_only_to_users_with_one(client, editor, enrolled, sign_in):
    sign_in(editor.username)
    page = client.get(reverse("accounts_two_factor_verify")).content.decode()
    assert "Use a passkey" not in page
    assert "otp_webauthn_auth.js" not in page
    make_passkey(editor)
    page = client.get(reverse("accounts_two_factor_verify")).content.decode()
    assert "Use a passkey" in page
    assert "otp_webauthn_auth.js" in page
    assert 'id="otp_webauthn_config"' in page


def test_unverified_user_may_start_a_passkey_sign_in_but_not_register_one(client, editor, enrolled, sign_in):
    make_passkey(editor)
    sign_in(editor.username)
    begin = client.post(reverse("otp_webauthn:credential-authentication-begin"))
    assert begin.status_code == 200
    options = begin.json()
    assert options["rpId"] == "localhost"
    assert len(options["allowCredentials"]) == 1
    assert client.get(reverse("otp_webauthn:js-i18n-catalog")).status_code == 200
    # A stolen password must not add an attacker's passkey, nor see the passkeys page.
    register = client.post(reverse("otp_webauthn:credential-registration-begin"))
    assert register.status_code == 302
    assert register["Location"].startswith(reverse("accounts_two_factor_verify"))
    assert client.get(reverse("accounts_passkeys"))["Location"].startswith(reverse("accounts_two_factor_verify"))


def test_a_wrong_passkey_answer_is_refused_and_does_not_verify(client, editor, enrolled, sign_in):
    make_passkey(editor)
    sign_in(editor.username)
    client.post(reverse("otp_webauthn:credential-authentication-begin"))
    response = client.post(
        reverse("otp_webauthn:credential-authentication-complete"),
        data='{"id": "junk", "rawId": "junk", "type": "public-key", "response": {}}',
        content_type="application/json",
    )
    assert 400 <= response.status_code < 500
    assert "detail" in response.json()
    assert client.get(ADMIN)["Location"].startswith(reverse("accounts_two_factor_verify"))


def test_no_passwordless_sign_in(client, db):
    response = client.post(reverse("otp_webauthn:credential-authentication-begin"))
    assert response.status_code != 200
    assert not client.session.get("otp_webauthn_authentication_state")


def test_verified_user_sees_the_passkeys_page_and_may_start_registering(verified, editor):
    page = verified.get(reverse("accounts_passkeys"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Register a passkey" in html
    assert "otp_webauthn_register.js" in html
    # The admin's policy: scripts from this site only, no third-party origin needed.
    assert "script-src 'self'" in page["Content-Security-Policy"]
    # On the account page, next to the recovery codes.
    assert reverse("accounts_passkeys") in verified.get(reverse("wagtailadmin_account")).content.decode()
    begin = verified.post(reverse("otp_webauthn:credential-registration-begin"))
    assert begin.status_code == 200
    options = begin.json()
    assert options["rp"] == {"id": "localhost", "name": "London Practice Exchange"}
    assert options["user"]["name"] == editor.username


def test_passkeys_are_listed_and_only_ones_own_can_be_removed(verified, editor):
    mine = make_passkey(editor, "Work laptop")
    other_user = get_user_model().objects.create_user("synthetic-other", "other@exchange.example", PASSWORD)
    theirs = make_passkey(other_user, "Not mine")
    assert "Work laptop" in verified.get(reverse("accounts_passkeys")).content.decode()

    response = verified.post(reverse("accounts_passkeys"), {"remove": str(theirs.pk)}, follow=True)
    assert "That passkey was not found." in response.content.decode()
    assert WebAuthnCredential.objects.filter(pk=theirs.pk).exists()

    for junk in ["", "abc", "1' OR 1=1", "9" * 40]:
        response = verified.post(reverse("accounts_passkeys"), {"remove": junk})
        assert response.status_code == 302

    response = verified.post(reverse("accounts_passkeys"), {"remove": str(mine.pk)}, follow=True)
    assert "Passkey removed." in response.content.decode()
    assert not WebAuthnCredential.objects.filter(pk=mine.pk).exists()
