"""The network's roles, as Wagtail groups, and questions asked about a user's roles.

- "<publisher> leads": add and edit under their publisher's page and in its collection
  (publish too when the publisher is trusted).
- "Coordinators": moderate every submission, publish anywhere, manage tags, events and reports.
- "Network members": logged-in practitioners; read members-only resources, record adoption.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

COORDINATORS = "Coordinators"
NETWORK_MEMBERS = "Network members"
LEADS_SUFFIX = " leads"

User = AbstractBaseUser | AnonymousUser


def leads_group_name(publisher_title: str) -> str:
    return f"{publisher_title}{LEADS_SUFFIX}"


def _group_names(user: User) -> set[str]:
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_exchange_group_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._exchange_group_names = cached
    return cached


def is_coordinator(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_superuser or COORDINATORS in _group_names(user)))


def is_network_member(user: User) -> bool:
    """Members-only material is restricted to the Network members group (Wagtail view restrictions);
    invite_user puts leads and coordinators in it too."""
    return bool(
        user.is_authenticated and user.is_active and (user.is_superuser or NETWORK_MEMBERS in _group_names(user))
    )
