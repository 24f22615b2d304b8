"""/audits/: the pooled findings reach the people of the boroughs taking part and nobody else."""

import datetime

import pytest
from django.urls import reverse

from audits.enums import Participation
from audits.models import RoundBorough
from tests.audits.helpers import submitted_return
from tests.factories import ResourcePageFactory

pytestmark = pytest.mark.django_db

PAGE, DATA = "audit_round", "audit_round_json"


@pytest.fixture
def filled(audit_round):
    for slug, count in {"camden": 7, "hackney": 6, "lambeth": 2}.items():
        for _ in range(count):
            submitted_return(audit_round, slug)
    # Figures are shown once the round has closed.
    audit_round.closes_on = datetime.date.today() - datetime.timedelta(days=1)
    audit_round.save()
    return audit_round


def _get(client, user, name, audit_round):
    if user is not None:
        client.force_login(user)
    return client.get(reverse(name, args=[audit_round.slug]))


@pytest.mark.parametrize("role", ["coordinator", "camden_lead", "camden_auditor", "hackney_auditor"])
def test_people_of_boroughs_taking_part_and_coordinators_see_the_round(client, filled, people, role):
    page = _get(client, people[role], PAGE, filled)
    assert page.status_code == 200
    assert "fewer than 5" in page.content.decode() and "<svg" in page.content.decode()
    assert "no-store" in page["Cache-Control"] or "private" in page["Cache-Control"]
    data = _get(client, people[role], DATA, filled)
    assert data.status_code == 200 and data.json()["round"] == filled.slug
    table = _get(client, people[role], "audit_round_csv", filled)
    text = b"".join(table.streaming_content).decode()
    assert text.startswith("\ufeffquestion,text,borough,answer,returns,percent") and "fewer than 5" in text


def test_anonymous_readers_are_sent_to_sign_in_and_get_no_json(client, filled):
    page = _get(client, None, PAGE, filled)
    assert page.status_code == 302 and "login" in page["Location"]
    assert _get(client, None, DATA, filled).status_code == 404
    assert _get(client, None, "audit_round_csv", filled).status_code == 404


def test_a_borough_not_taking_part_cannot_tell_the_round_exists(client, filled, people):
    assert _get(client, people["outsider"], PAGE, filled).status_code == 404
    assert _get(client, people["outsider"], DATA, filled).status_code == 404
    assert _get(client, people["outsider"], "audit_round_csv", filled).status_code == 404
    assert filled.title not in client.get(reverse("audit_rounds")).content.decode()


def test_a_borough_that_declined_sees_nothing_of_it(client, filled, people):
    RoundBorough.objects.filter(round=filled, borough__slug="camden").update(status=Participation.DECLINED)
    assert _get(client, people["camden_auditor"], PAGE, filled).status_code == 404


def test_other_boroughs_are_letters_and_no_small_number_is_printed(client, filled, people):
    body = _get(client, people["camden_auditor"], PAGE, filled).content.decode()
    assert "Borough B" in body and "Hackney" not in body and "Lambeth" not in body


def test_the_list_shows_a_reader_their_rounds(client, filled, people):
    client.force_login(people["hackney_auditor"])
    assert filled.title in client.get(reverse("audit_rounds")).content.decode()


def test_while_a_round_is_open_only_coordinators_see_its_figures(client, audit_round, people):
    for _ in range(6):
        submitted_return(audit_round, "camden")
    client.force_login(people["camden_auditor"])
    page = client.get(reverse(PAGE, args=[audit_round.slug])).content.decode()
    assert "appear here when the round closes" in page and "fewer than 5" not in page
    data = client.get(reverse(DATA, args=[audit_round.slug])).json()
    assert data["figures"] == "after the round closes" and "questions" not in data and "returns" not in data
    assert client.get(reverse("audit_round_csv", args=[audit_round.slug])).status_code == 404
    client.force_login(people["coordinator"])
    assert "only coordinators see these figures" in client.get(reverse(PAGE, args=[audit_round.slug])).content.decode()
    assert "questions" in client.get(reverse(DATA, args=[audit_round.slug])).json()


def test_a_published_findings_resource_leads_to_the_pooled_figures(client, people):
    findings = ResourcePageFactory(resource_type="audit-findings", title="Findings of a synthetic round")
    html = client.get(findings.url).content.decode()
    assert reverse("audit_rounds") in html and "Case audits" in html
    client.force_login(people["camden_auditor"])
    assert "Findings of a synthetic round" in client.get(reverse("audit_rounds")).content.decode()
