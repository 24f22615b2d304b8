"""Accounts the browser journeys sign in with, added to the browser tests' own database.

Run by tests/browser/conftest.py in the server's environment, after load_demo. The Camden lead
is a member of Camden's leads group (created by the roles migration): add and edit pages under
Camden, upload documents to Camden's collection, submit for review. Two more Camden leads keep
later journeys' sign-ins apart (see below), and a coordinator approves submissions.
"""

LEAD_USERNAME = "camden-lead-test"
LEAD_PASSWORD = "browser-test-only-password"
# Admin accounts need a second factor: the lead's authenticator key is fixed (RFC 4226's
# published test key) so the journey can compute the current code.
LEAD_TOTP_KEY = "3132333435363738393031323334353637383930"
# A second authenticator (another phone): django-otp refuses a code already used in this
# 30-second window, so a journey that signs in twice uses this one the second time.
LEAD_SECOND_TOTP_KEY = "3132333435363738393031323334353637383931"
# A third, used only by the passkey journey, so its sign-in never waits for another's window.
LEAD_PASSKEY_TEST_TOTP_KEY = "3132333435363738393031323334353637383932"
# And one for the autosave journey's first sign-in: each journey signing in within the same
# 30 seconds as another needs its own device.
LEAD_AUTOSAVE_TOTP_KEY = "3132333435363738393031323334353637383933"
# And one for the preview journey (tests/browser/test_admin_preview.py).
LEAD_PREVIEW_TOTP_KEY = "3132333435363738393031323334353637383934"

# django-otp reads a code against each of a user's devices in turn and counts a failure on every
# device it did not match, throttling it for 2^(failures-1) s: each further device of one user
# makes that user's first devices slower to use. So later journeys sign in as leads of their own.
# Camden leads for the editor-state journeys (tests/browser/test_admin_editor_state.py) and for
# the journey from submission to search (tests/browser/test_review_journey.py).
EDITOR_LEAD_USERNAME = "camden-editor-lead-test"
LEAD_NEW_FORM_TOTP_KEY = "3132333435363738393031323334353637383935"
LEAD_BADGE_TOTP_KEY = "3132333435363738393031323334353637383936"
REVIEW_LEAD_USERNAME = "camden-review-lead-test"
LEAD_REVIEW_TOTP_KEY = "3132333435363738393031323334353637383937"

# A coordinator (London Councils): the Coordinators group moderates every submission.
COORDINATOR_USERNAME = "coordinator-test"
COORDINATOR_PASSWORD = "browser-test-only-coordinator-password"
COORDINATOR_TOTP_KEY = "3132333435363738393031323334353637383938"

# The case-audit journey (tests/browser/test_audit_journey.py): an audit coordinator, and an audit
# lead and an auditor for each of three boroughs, each with an authenticator of their own.
AUDIT_PASSWORD = "browser-test-only-audit-password"
AUDIT_ACCOUNTS = {
    "audit-coordinator-test": ("Audit coordinators", "3132333435363738393031323334353637383a30"),
    "greenwich-audit-lead-test": ("Greenwich audit leads", "3132333435363738393031323334353637383a31"),
    "greenwich-auditor-test": ("Greenwich auditors", "3132333435363738393031323334353637383a32"),
    "ealing-audit-lead-test": ("Ealing audit leads", "3132333435363738393031323334353637383a33"),
    "ealing-auditor-test": ("Ealing auditors", "3132333435363738393031323334353637383a34"),
    "enfield-audit-lead-test": ("Enfield audit leads", "3132333435363738393031323334353637383a35"),
    "enfield-auditor-test": ("Enfield auditors", "3132333435363738393031323334353637383a36"),
}


def main() -> None:
    import django

    django.setup()

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from core.roles import leads_group_name

    # The real role, as the roles migration creates it: Camden's leads group.
    group = Group.objects.get(name=leads_group_name("Camden"))
    leads = {
        LEAD_USERNAME: (
            ("Browser test authenticator", LEAD_TOTP_KEY),
            ("Second authenticator", LEAD_SECOND_TOTP_KEY),
            ("Passkey journey authenticator", LEAD_PASSKEY_TEST_TOTP_KEY),
            ("Autosave journey authenticator", LEAD_AUTOSAVE_TOTP_KEY),
            ("Preview journey authenticator", LEAD_PREVIEW_TOTP_KEY),
        ),
        EDITOR_LEAD_USERNAME: (
            ("New form journey authenticator", LEAD_NEW_FORM_TOTP_KEY),
            ("Badge journey authenticator", LEAD_BADGE_TOTP_KEY),
        ),
        REVIEW_LEAD_USERNAME: (("Review journey authenticator", LEAD_REVIEW_TOTP_KEY),),
    }
    for username, devices in leads.items():
        user, _ = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username.removesuffix('-test')}@camden.example"}
        )
        user.set_password(LEAD_PASSWORD)
        user.save()
        user.groups.add(group)
        for name, key in devices:
            TOTPDevice.objects.update_or_create(user=user, name=name, defaults={"key": key, "confirmed": True})

    from core.roles import COORDINATORS

    coordinator, _ = get_user_model().objects.get_or_create(
        username=COORDINATOR_USERNAME, defaults={"email": "coordinator@london-councils.example"}
    )
    coordinator.set_password(COORDINATOR_PASSWORD)
    coordinator.save()
    coordinator.groups.add(Group.objects.get(name=COORDINATORS))
    TOTPDevice.objects.update_or_create(
        user=coordinator, name="Coordinator's authenticator", defaults={"key": COORDINATOR_TOTP_KEY, "confirmed": True}
    )

    for username, (group_name, key) in AUDIT_ACCOUNTS.items():
        user, _ = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@council.example"}
        )
        user.set_password(AUDIT_PASSWORD)
        user.save()
        user.groups.set([Group.objects.get(name=group_name)])
        TOTPDevice.objects.update_or_create(
            user=user, name="Audit authenticator", defaults={"key": key, "confirmed": True}
        )


if __name__ == "__main__":
    main()
