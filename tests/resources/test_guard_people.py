"""Names, street addresses and school details: the name lists load from the installed package,
and the exchange's own demo text (which names roles and places, never people) raises nothing."""

import json
from pathlib import Path

from resources.guard import HIGH, Kind, scan
from resources.guard.name_lists import first_names, last_names

DEMO = Path(__file__).resolve().parents[2] / "demo" / "content"


def _demo_texts() -> list[str]:
    texts = []
    for resource in json.loads((DEMO / "resources.json").read_text())["resources"]:
        texts += [str(resource.get(key) or "") for key in ("title", "summary", "body", "contact_name", "version")]
        texts += resource.get("tags", [])
    texts += [repr(value) for value in json.loads((DEMO / "attachments.json").read_text())["files"].values()]
    return [text for text in texts if text]


def test_name_lists_come_from_the_package_without_vocabulary_words():
    assert len(first_names()) > 4000 and len(last_names()) > 80_000
    assert "oliver" in first_names() and "sample" in last_names()
    assert not {"brent", "may", "council", "safety"} & (first_names() | last_names())


def test_demo_text_raises_no_name_address_or_school_finding():
    texts = _demo_texts()
    assert sum(len(text) for text in texts) > 100_000  # the whole demo library, not a sample of it
    findings = [(f.kind, text[f.start : f.end]) for text in texts for f in scan(text)]
    people = [f for f in findings if f[0] in {Kind.PERSON_NAME, Kind.ADDRESS, Kind.SCHOOL_YEAR_NAME}]
    print(f"\ndemo text: {len(texts)} texts, {len(findings)} findings, {len(people)} name/address/school")
    assert people == [] and findings == []


def test_a_cued_name_blocks_even_with_a_surname_not_in_the_lists():
    findings = scan("Mother: Chloe Testcase")
    assert [(f.kind, f.confidence) for f in findings] == [(Kind.PERSON_NAME, HIGH)]
    assert "Testcase" not in findings[0].masked and findings[0].masked.startswith("C")


def test_context_words_never_downgrade_a_home_postcode_or_a_mothers_mobile():
    for text in ("Mum lives near the library, SE15 3ZZ", "Referred by the MASH: mother's mobile 07700 900123"):
        assert [f.confidence for f in scan(text)] == [HIGH]
