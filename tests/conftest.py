import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice
from wagtail.models import Site

from home.models import HomePage
from resources.models import BoroughIndexPage, BoroughPage, ResourceIndexPage


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test writes documents into its own folder, so tests never see each other's files."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _force_login_is_two_factor(monkeypatch):
    """client.force_login(user) signs in as if the second factor was given too, as a test of an
    admin view means a fully signed-in editor. Sign-in tests (tests/accounts) use client.login,
    or ``force_login(user, two_factor=False)`` for a session that still needs its second factor."""
    original = Client.force_login

    def force_login(self, user, backend=None, two_factor=True):
        original(self, user, backend)
        if two_factor:
            device, _ = StaticDevice.objects.get_or_create(user=user, name="test second factor", confirmed=True)
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def _rate_limit_counters_forgotten():
    """Rate limits count per address in the cache, and every test client is 127.0.0.1."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _extractions_forgotten():
    """resources.services.bounded_extraction remembers this process's recent results by content;
    a result made under one test's limits is never another test's."""
    from resources.services.bounded_extraction import _memo

    _memo.clear()
    yield
    _memo.clear()


@pytest.fixture(autouse=True)
def _engine_backoff_forgotten():
    """indexing.updates remembers engine failures for a while; no test inherits another's."""
    from indexing.updates import _engine_failed_at

    _engine_failed_at.clear()
    yield
    _engine_failed_at.clear()


@pytest.fixture
def home(db) -> HomePage:
    return HomePage.objects.get()


@pytest.fixture
def site(db) -> Site:
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def boroughs_index(db) -> BoroughIndexPage:
    return BoroughIndexPage.objects.get()


@pytest.fixture
def resource_index(db) -> ResourceIndexPage:
    return ResourceIndexPage.objects.get()


@pytest.fixture
def camden(db) -> BoroughPage:
    return BoroughPage.objects.get(slug="camden")


@pytest.fixture
def hackney(db) -> BoroughPage:
    return BoroughPage.objects.get(slug="hackney")
