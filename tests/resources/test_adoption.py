"""Adoption: 'my borough uses this', once per borough, reversible, shown on resource and borough pages."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core.roles import NETWORK_MEMBERS
from resources.models import Adoption, Membership
from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import coordinator, lead_of, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def camden_guide(camden):
    return ResourcePageFactory(parent=camden, title="Camden strategy meeting guide")


@pytest.fixture
def hackney_member(hackney):
    user = make_user("hackney-member", NETWORK_MEMBERS)
    Membership.objects.create(user=user, borough=hackney)
    return user


def _post(client, page, borough, action="adopt"):
    return client.post(reverse("record_adoption", args=[page.pk]), {"borough": borough.slug, "action": action})


def test_member_records_and_withdraws_adoption(client, camden_guide, hackney, hackney_member):
    client.force_login(hackney_member)
    assert "Hackney uses this" in client.get(camden_guide.url).content.decode()
    _post(client, camden_guide, hackney)
    _post(client, camden_guide, hackney)
    assert Adoption.objects.filter(resource=camden_guide, borough=hackney).count() == 1
    page = client.get(camden_guide.url).content.decode()
    assert "Used in 1 borough" in page and "Hackney no longer uses this" in page
    assert "Camden strategy meeting guide" in client.get(hackney.url).content.decode()
    _post(client, camden_guide, hackney, "withdraw")
    assert not Adoption.objects.exists()


def test_lead_records_for_their_own_borough_only(client, camden_guide, hackney, camden):
    barnet_page = ResourcePageFactory(parent=hackney.get_parent().get_children().get(slug="barnet").specific)
    client.force_login(lead_of("Hackney"))
    _post(client, camden_guide, hackney)
    _post(client, barnet_page, camden)
    assert list(Adoption.objects.values_list("borough__slug", flat=True)) == ["hackney"]


def test_own_resource_cannot_be_adopted(client, camden_guide, camden):
    client.force_login(lead_of("Camden"))
    response = _post(client, camden_guide, camden)
    assert not Adoption.objects.exists()
    assert "own" in client.get(response["Location"]).content.decode()


def test_anonymous_visitors_are_sent_to_log_in_and_nothing_is_written(client, camden_guide, hackney):
    response = _post(client, camden_guide, hackney)
    assert response.status_code == 302 and "login" in response["Location"]
    assert not Adoption.objects.exists()


def test_unknown_borough_or_action_is_a_clear_message(client, camden_guide, hackney_member):
    client.force_login(hackney_member)
    response = client.post(reverse("record_adoption", args=[camden_guide.pk]), {"borough": "atlantis"}, follow=True)
    assert "Choose your borough" in response.content.decode()
    assert client.get(reverse("record_adoption", args=[camden_guide.pk])).status_code == 405
    assert client.post(reverse("record_adoption", args=[999999])).status_code == 404


def test_coordinators_see_the_most_adopted(client, camden_guide, hackney, hackney_member):
    Adoption.objects.create(resource=camden_guide, borough=hackney, recorded_by=hackney_member)
    client.force_login(coordinator())
    page = client.get(reverse("resources_adoption_report")).content.decode()
    assert "Camden strategy meeting guide" in page
    assert Group.objects.filter(name=NETWORK_MEMBERS).exists()
