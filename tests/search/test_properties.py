"""Property-based: whatever anyone puts in the query or filter parameters, the page answers 200 with valid JSON."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PARAMETERS = ["q", "tag", "borough", "type", "stage", "sos", "audience", "year", "page", "sort", "exclude_tag"]
NASTY = st.sampled_from(
    [
        '"',
        "(",
        ")",
        "*",
        "~",
        ":",
        "^",
        "[",
        "]",
        "{",
        "}",
        "\\",
        "/",
        "!",
        "&&",
        "||",
        "\x00",
        "😀",
        "שלום",
        "' OR 1=1 --",
        "%",
        "NEAR",
        "AND",
        "-",
        "s.47",
        "1e309",
        "-1",
        "0",
    ]
)
VALUES = st.one_of(st.text(max_size=300), NASTY, st.lists(NASTY, max_size=5).map("".join))


@pytest.mark.usefixtures("demo")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(st.sampled_from(PARAMETERS), st.lists(VALUES, min_size=1, max_size=3), max_size=5))
def test_any_parameters_give_valid_json(client, params):
    query = dict(params)
    query["format"] = "json"
    response = client.get("/search/", query)
    assert response.status_code == 200
    payload = json.loads(response.content)
    assert payload["total"] >= 0
    assert len(payload["results"]) <= 20
