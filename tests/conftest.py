import pytest
from wagtail.models import Site

from home.models import HomePage
from resources.models import BoroughIndexPage, BoroughPage, ResourceIndexPage


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test writes documents into its own folder, so tests never see each other's files."""
    settings.MEDIA_ROOT = tmp_path / "media"


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
