"""Relevance over the demo network: what a practitioner types, and what must be in the top five.

Covers abbreviations, synonyms, stemming, misspellings, hyphens, tag-only and
attachment-only matches. The same set runs against every configured backend.
"""

import pytest
from django.http import QueryDict

from resources.models import ResourcePage
from search.params import SearchParams
from search.services import search

CASES = [
    # plain words
    ("strategy meeting record", "tower-hamlets/th-001"),
    ("chair pre-meeting checklist", "hammersmith-and-fulham/hf-001"),
    ("risk analysis conference report", "lambeth/lam-001"),
    ("three houses", "camden/cam-001"),
    ("harm and danger statements", "islington/isl-001"),
    ("safety goals", "hackney/hck-001"),
    ("words and pictures", "lewisham/lew-001"),
    ("safety network meeting", "southwark/sou-001"),
    ("assessment map strategy", "waltham-forest/wf-001"),
    ("safety house younger children", "kingston-upon-thames/kin-001"),
    ("core group agenda", "hackney/hck-002"),
    ("family safety plan template", "sutton/sut-002"),
    ("school report to conference", "city-of-london/col-001"),
    ("injuries non-mobile babies", "westminster/wes-002"),
    ("Learning Together themed review", "regional-safeguarding-advisers-office/rsa-002"),
    ("professional curiosity", "greenwich/gre-001"),
    ("disguised compliance evidence", "greenwich/gre-002"),
    ("reflective supervision", "wandsworth/wan-001"),
    ("plain language reports", "merton/mer-001"),
    ("father inclusive practice", "wandsworth/wan-002"),
    # abbreviations and synonyms
    ("S47 audit", "croydon/cro-001"),
    ("s.47 decision making", "croydon/cro-001"),
    ("section 47 audit tool", "croydon/cro-001"),
    ("RCPC chair checklist", "westminster/wes-001"),
    ("ICPC pre-birth", "newham/new-001"),
    ("step down to CIN", "enfield/enf-001"),
    ("multi-agency safeguarding hub referral", "croydon/cro-002"),
    ("MASH referral", "croydon/cro-002"),
    ("CP plan audit", "london-councils/lc-002"),
    ("DV coercive control research", "haringey/hgy-002"),
    ("SoS practice leads network", "london-councils/lc-007"),
    ("CSE adolescents research", "london-councils/lc-008"),
    # stemming and hyphens
    ("danger statement", "islington/isl-001"),
    ("chronology purpose", "brent/bre-001"),
    ("stepping down", "enfield/enf-001"),
    ("prebirth conferences timing", "newham/new-001"),
    # misspellings (one edit)
    ("stratergy meeting record", "tower-hamlets/th-001"),
    ("chronolgy template", "brent/bre-002"),
    ("disguised complience", "greenwich/gre-002"),
    # tag-only
    ("safety network step-down", "southwark/sou-001"),
    ("thresholds MASH referral", "croydon/cro-002"),
]

ATTACHMENT_CASES = [
    ("magic wand question", "camden/cam-001"),
    ("stuck-score prompt", "westminster/wes-001"),
    ("between-meeting contact log", "hackney/hck-002"),
    ("absent agency follow-up", "tower-hamlets/th-001"),
    ("empty-chair question", "southwark/sou-001"),
    ("re-entry triggers", "enfield/enf-001"),
    ("birth plan handover call", "newham/new-001"),
]


def top_five(query: str) -> list[str]:
    response = search(SearchParams.from_querydict(QueryDict(f"q={query}")), log=False)
    keys = [(r.resource.borough.slug, r.resource.source_id) for r in response.results[:5]]
    return [f"{borough}/{source}" for borough, source in keys]


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(("query", "expected"), CASES, ids=[q for q, _ in CASES])
def test_expected_resource_in_top_five(query, expected):
    assert expected in top_five(query)


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(("query", "expected"), ATTACHMENT_CASES, ids=[q for q, _ in ATTACHMENT_CASES])
def test_phrase_only_in_an_attachment_finds_its_resource(query, expected, client):
    assert expected in top_five(query)
    borough, source_id = expected.split("/")
    resource = ResourcePage.objects.get(borough__slug=borough, source_id=source_id)
    html = client.get("/search/", {"q": query}).content.decode()
    assert resource.title.replace("'", "&#x27;") in html
    assert "Matched in attachment:" in html
    # The document's title, never the stored file name with Django's random suffix.
    shown = html.split("Matched in attachment:", 1)[1].split("<", 1)[0].strip()
    assert shown in {a.document.title for a in resource.attachments.all()}


def test_the_set_is_big_enough():
    assert len(CASES) + len(ATTACHMENT_CASES) >= 40
