"""Accounts the browser journeys sign in with, added to the browser tests' own database.

Run by tests/browser/conftest.py in the server's environment, after load_demo. The Camden lead
may add and edit pages under Camden only, and submit them for moderation but not publish:
the borough lead's role until the permissions issue gives it a proper home.
"""

LEAD_USERNAME = "camden-lead-test"
LEAD_PASSWORD = "browser-test-only-password"


def main() -> None:
    import django

    django.setup()

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

    from resources.models import BoroughPage

    group, _ = Group.objects.get_or_create(name="Camden leads (browser tests)")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    camden = BoroughPage.objects.get(slug="camden")
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=camden,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    root = Collection.get_first_root_node()
    for codename in ("add_document", "change_document", "choose_document"):
        permission = Permission.objects.filter(
            codename__in=[codename, codename.replace("document", "exchangedocument")]
        )
        for perm in permission:
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=perm)

    user, _ = get_user_model().objects.get_or_create(
        username=LEAD_USERNAME, defaults={"email": "camden-lead@camden.example"}
    )
    user.set_password(LEAD_PASSWORD)
    user.save()
    user.groups.add(group)


if __name__ == "__main__":
    main()
