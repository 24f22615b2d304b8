"""Lockout on the username+address pair, the sign-in log, the password policy, session limits and cookies."""

import importlib
import logging
import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.middleware import SESSION_STARTED_KEY

from .conftest import PASSWORD

ATTACKER = {"REMOTE_ADDR": "203.0.113.66"}
COLLEAGUE = {"REMOTE_ADDR": "198.51.100.7"}


class TestLockout:
    def test_five_failures_lock_that_username_from_that_address_only(self, client, editor, sign_in, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert sign_in(editor.username, "wrong-password-guess", **ATTACKER).status_code == 200
        assert sign_in(editor.username, "wrong-password-guess", **ATTACKER).status_code == 429
        # Locked: even the right password is refused from that address.
        locked = sign_in(editor.username, PASSWORD, **ATTACKER)
        assert locked.status_code == 429
        assert "Too many sign-in attempts" in locked.content.decode()
        # The real user, elsewhere, is not locked out by the attacker.
        assert sign_in(editor.username, PASSWORD, **COLLEAGUE).status_code == 302

    def test_a_success_before_the_limit_resets_the_count(self, client, editor, sign_in, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            sign_in(editor.username, "wrong-password-guess", **COLLEAGUE)
        assert sign_in(editor.username, PASSWORD, **COLLEAGUE).status_code == 302
        client.logout()
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            sign_in(editor.username, "wrong-password-guess", **COLLEAGUE)
        assert sign_in(editor.username, PASSWORD, **COLLEAGUE).status_code == 302


def test_sign_ins_and_failures_are_logged_without_the_password(client, editor, sign_in, caplog):
    with caplog.at_level(logging.INFO, logger="exchange.security"):
        sign_in(editor.username, "wrong-password-guess", **COLLEAGUE)
        sign_in(editor.username, PASSWORD, **COLLEAGUE)
    assert f"Failed sign-in: user={editor.username} address=198.51.100.7" in caplog.text
    assert f"Sign-in: user={editor.username} address=198.51.100.7" in caplog.text
    assert "wrong-password-guess" not in caplog.text
    assert PASSWORD not in caplog.text


class TestPasswordPolicy:
    @pytest.mark.parametrize("password", ["short-pass1", "password1234", "qwertyuiop123"])
    def test_short_or_common_passwords_are_refused(self, password):
        with pytest.raises(ValidationError):
            validate_password(password)

    @pytest.mark.parametrize("password", ["lantern orchard cobble", "allinlowercaseletters"])
    def test_long_passwords_need_no_digits_or_symbols(self, password):
        validate_password(password)


class TestSessions:
    def test_idle_limit_is_thirty_minutes_renewed_on_every_request(self, client, editor, settings):
        assert settings.SESSION_COOKIE_AGE == 30 * 60
        client.force_login(editor)
        response = client.get(reverse("wagtailadmin_home"))
        assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 30 * 60
        assert response.cookies[settings.SESSION_COOKIE_NAME]["httponly"]
        assert response.cookies[settings.SESSION_COOKIE_NAME]["samesite"] == "Lax"

    def test_session_ends_twelve_hours_after_sign_in_however_active(self, client, editor):
        client.force_login(editor)
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
        session = client.session
        session[SESSION_STARTED_KEY] = int(time.time()) - 12 * 60 * 60 - 1
        session.save()
        assert client.get(reverse("wagtailadmin_home"))["Location"].startswith(reverse("wagtailadmin_login"))

    def test_deactivated_user_is_signed_out_at_once(self, client, editor):
        client.force_login(editor)
        assert client.get(reverse("wagtailadmin_home")).status_code == 200
        editor.is_active = False
        editor.save()
        assert client.get(reverse("wagtailadmin_home"))["Location"].startswith(reverse("wagtailadmin_login"))


def test_production_cookies_are_secure(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    monkeypatch.delenv("DEBUG", raising=False)
    production = importlib.import_module("exchange.settings.production")
    production = importlib.reload(production)
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.SESSION_COOKIE_HTTPONLY
    assert production.SESSION_COOKIE_SAMESITE == "Lax"
    assert production.SESSION_COOKIE_NAME.startswith("__Host-")


class TestClientAddress:
    def test_without_proxies_forwarded_headers_are_ignored(self, rf, settings):
        from accounts.client_ip import client_ip

        settings.TRUSTED_PROXY_COUNT = 0
        request = rf.get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="198.51.100.9")
        assert client_ip(request) == "192.0.2.1"

    def test_behind_one_proxy_only_the_entry_it_added_is_believed(self, rf, settings):
        from accounts.client_ip import client_ip

        settings.TRUSTED_PROXY_COUNT = 1
        spoofed = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.9, 203.0.113.5")
        assert client_ip(spoofed) == "203.0.113.5"

    def test_a_forwarded_value_that_is_not_an_address_falls_back_to_the_proxy(self, rf, settings):
        from accounts.client_ip import client_ip

        settings.TRUSTED_PROXY_COUNT = 1
        request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="unknown")
        assert client_ip(request) == "10.0.0.2"
