"""The audits in the admin: every route for every role. Borough A's people never reach borough B's
returns, drafts or free text; only coordinators set up rounds and export returns."""

import pytest
from django.urls import reverse
from taggit.models import Tag

from audits.models import AuditReturn
from audits.services.returns import new_return, save_draft
from resources.models import BoroughPage
from tests.audits.conftest import person
from tests.audits.helpers import submitted_return

pytestmark = pytest.mark.django_db

MARKER = "Hackney-only lesson about the chronology"


@pytest.fixture
def world(audit_round, people):
    camden_return = submitted_return(audit_round, "camden")
    hackney_draft = new_return(audit_round, BoroughPage.objects.get(slug="hackney"))
    assert save_draft(hackney_draft, {"s47-06": MARKER}) == []
    people = {**people, "publishing_lead": person("camden-publisher", "Camden leads")}
    return audit_round, camden_return, hackney_draft, people


def _routes(audit_round, camden_return, hackney_draft):
    r = audit_round.pk
    return {
        "home": ("get", reverse("audits_admin:home")),
        "round_new": ("get", reverse("audits_admin:round_new")),
        "round_edit": ("get", reverse("audits_admin:round_edit", args=[r])),
        "export_csv": ("get", reverse("audits_admin:export_returns", args=[r, "csv"])),
        "export_xlsx": ("get", reverse("audits_admin:export_returns", args=[r, "xlsx"])),
        "camden": ("get", reverse("audits_admin:borough", args=[r, "camden"])),
        "camden_respond": ("post", reverse("audits_admin:respond", args=[r, "camden"])),
        "camden_new": ("post", reverse("audits_admin:new_return", args=[r, "camden"])),
        "camden_import": ("post", reverse("audits_admin:import", args=[r, "camden"])),
        "camden_return": ("get", reverse("audits_admin:return", args=[camden_return.pk])),
        "camden_reopen": ("post", reverse("audits_admin:reopen", args=[camden_return.pk])),
        "hackney": ("get", reverse("audits_admin:borough", args=[r, "hackney"])),
        "hackney_return": ("get", reverse("audits_admin:return", args=[hackney_draft.pk])),
        "hackney_save": ("post", reverse("audits_admin:return", args=[hackney_draft.pk])),
    }


OK, DENIED, MISSING = "ok", "denied", "missing"
# A borough's publishing lead is one of its people: they read the pooled findings, not the returns.
# What each role gets on each route: ok (2xx, or a redirect back into the audits after a POST),
# denied (the admin's no-permission answer) or missing (404: the object's existence is not confirmed).
EXPECTED = {
    "coordinator": dict.fromkeys(
        [
            "home",
            "round_new",
            "round_edit",
            "export_csv",
            "export_xlsx",
            "camden",
            "camden_new",
            "camden_import",
            "camden_return",
            "hackney",
            "hackney_return",
            "hackney_save",
            "camden_respond",
            "camden_reopen",
        ],
        OK,
    ),
    "camden_lead": {
        "home": OK,
        "round_new": DENIED,
        "round_edit": DENIED,
        "export_csv": DENIED,
        "export_xlsx": DENIED,
        "camden": OK,
        "camden_respond": OK,
        "camden_new": OK,
        "camden_import": OK,
        "camden_return": OK,
        "camden_reopen": OK,
        "hackney": MISSING,
        "hackney_return": MISSING,
        "hackney_save": MISSING,
    },
    "camden_auditor": {
        "home": OK,
        "round_new": DENIED,
        "round_edit": DENIED,
        "export_csv": DENIED,
        "export_xlsx": DENIED,
        "camden": OK,
        "camden_respond": MISSING,
        "camden_new": OK,
        "camden_import": OK,
        "camden_return": OK,
        "camden_reopen": DENIED,
        "hackney": MISSING,
        "hackney_return": MISSING,
        "hackney_save": MISSING,
    },
    "outsider": {
        "home": OK,
        "round_new": DENIED,
        "round_edit": DENIED,
        "export_csv": DENIED,
        "export_xlsx": DENIED,
        "camden": MISSING,
        "camden_respond": MISSING,
        "camden_new": MISSING,
        "camden_import": MISSING,
        "camden_return": MISSING,
        "camden_reopen": MISSING,
        "hackney": MISSING,
        "hackney_return": MISSING,
        "hackney_save": MISSING,
    },
    "publishing_lead": {
        "home": DENIED,
        "round_new": DENIED,
        "round_edit": DENIED,
        "export_csv": DENIED,
        "export_xlsx": DENIED,
        "camden": MISSING,
        "camden_respond": MISSING,
        "camden_new": MISSING,
        "camden_import": MISSING,
        "camden_return": MISSING,
        "camden_reopen": MISSING,
        "hackney": MISSING,
        "hackney_return": MISSING,
        "hackney_save": MISSING,
    },
}


def _outcome(response) -> str:
    if response.status_code == 404:
        return MISSING
    if response.status_code == 403:
        return DENIED
    if response.status_code == 302 and not response["Location"].startswith("/admin/audits"):
        return DENIED  # the admin sends a user without permission to its dashboard
    assert response.status_code in (200, 302), response.status_code
    return OK


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_every_route_answers_each_role_as_it_should(client, world, role):
    audit_round, camden_return, hackney_draft, people = world
    client.force_login(people[role])
    routes = _routes(audit_round, camden_return, hackney_draft)
    seen = {}
    for name, (method, url) in routes.items():
        data = (
            {"reason": "Answer entered against the wrong question.", "taking_part": "yes"} if method == "post" else None
        )
        response = getattr(client, method)(url, data or {})
        seen[name] = _outcome(response)
        if role != "coordinator" and not name.startswith("hackney"):
            assert MARKER not in response.content.decode(errors="ignore") if hasattr(response, "content") else True
    assert seen == EXPECTED[role]


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    audit_round, camden_return, hackney_draft, _ = world
    for method, url in _routes(audit_round, camden_return, hackney_draft).values():
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_draft_saved_and_submitted_through_the_form(client, world):
    audit_round, _, _, people = world
    client.force_login(people["camden_auditor"])
    created = client.post(reverse("audits_admin:new_return", args=[audit_round.pk, "camden"]))
    audit_return = AuditReturn.objects.get(pk=int(created["Location"].rstrip("/").split("/")[-1]))
    url = reverse("audits_admin:return", args=[audit_return.pk])
    refused = client.post(url, {"s47-01": "good", "s47-06": "Mum's mobile is 07700 900123", "save": ""})
    assert refused.status_code == 200 and "personal data" in refused.content.decode()
    assert not audit_return.answers.exists()
    client.post(url, {"s47-01": "good", "s47-02": "yes", "save": ""})
    assert "2 of 6 answered" in client.get(url).content.decode()
    answers = {
        "s47-01": "good",
        "s47-02": "yes",
        "s47-03": "4",
        "s47-04": ["police", "health"],
        "s47-05": "recorded-with-reasons",
        "themes": "strategy meetings",
        "submit": "",
    }
    Tag.objects.get_or_create(name="strategy meetings")
    assert client.post(url, answers).status_code == 302
    audit_return.refresh_from_db()
    assert audit_return.is_submitted and [t.name for t in audit_return.themes.all()] == ["strategy meetings"]
    assert "submitted and locked" in client.get(url).content.decode()


def test_exports_carry_every_answer_and_a_byte_order_mark(client, world):
    audit_round, _, _, people = world
    client.force_login(people["coordinator"])
    response = client.get(reverse("audits_admin:export_returns", args=[audit_round.pk, "csv"]))
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeffborough,case,status,submitted,s47-01")
    assert "Camden,1,Submitted" in text and MARKER in text  # coordinators see every return
    xlsx = client.get(reverse("audits_admin:export_returns", args=[audit_round.pk, "xlsx"]))
    assert xlsx.status_code == 200 and b"".join(xlsx.streaming_content)[:2] == b"PK"


def test_the_round_form_shows_its_dates_as_a_date_box_reads_them(client, world):
    audit_round, _, _, people = world
    client.force_login(people["coordinator"])
    html = client.get(reverse("audits_admin:round_edit", args=[audit_round.pk])).content.decode()
    assert f'value="{audit_round.opens_on:%Y-%m-%d}"' in html and f'value="{audit_round.closes_on:%Y-%m-%d}"' in html


def test_the_form_never_repeats_what_was_typed_in_its_messages(client, world):
    audit_round, _, _, people = world
    client.force_login(people["camden_auditor"])
    created = client.post(reverse("audits_admin:new_return", args=[audit_round.pk, "camden"]))
    url = created["Location"]
    typed = "mum@example.com"
    for field in ("s47-01", "themes"):
        html = client.post(url, {field: typed, "save": ""}).content.decode()
        # At most the auditor's own box keeps what they typed; no message repeats it.
        assert (html.count(typed) <= 1 and f'value="{typed}"' in html) or typed not in html
    html = client.post(url, {"s47-06": "the Zbigniewska family were not spoken to", "save": ""}).content.decode()
    assert html.count("Zbigniewska") == 1 and "a family&#x27;s surname" in html  # only in the textarea
