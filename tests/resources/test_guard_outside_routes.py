"""What the second outside test tried, end to end where a person would try it: a number split over
paragraphs or lines, an address in a link's address, a council's office and switchboard, cited
authors. The labelled rows (guard_cases_outside) run through every place in test_guard_places;
these are the shapes a single row cannot carry (several paragraphs, a link, a file's lines).

Values are synthetic: an NHS number from the 999 test range, postcodes ending ZZ, Ofcom's drama numbers.
"""

import contextlib
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text, streamfield

from resources.models import ResourcePage
from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import coordinator, resource_form_data

pytestmark = pytest.mark.django_db

REFUSED = "looks like it contains personal data"


@pytest.fixture
def ours(camden):
    return ResourcePageFactory(parent=camden, title="Camden chronology guide")


def _publish(client, page, html: str):
    body = streamfield([("paragraph", rich_text(html))])
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, resource_form_data(page, body=body, action="action-publish"))
    return response.content.decode() if response.status_code == 200 else ""


@pytest.mark.parametrize(
    "html",
    [
        "<p>Health details: NHS number 999 114</p><p>0336 (from the GP letter)</p>",
        "<p>NHS 9 9 9 1 1 4 0 3 3 6</p>",
        '<p>The family\'s <a href="https://maps.example.org/?q=9+Tester+Crescent+SE5+7ZZ">home</a>.</p>',
        '<p>See <a href="https://www.example.com/maps/place/N4%202ZZ">the map</a> for the flat.</p>',
        "<p>Mrs O'Tester attended; born on the ninth of May 2016.</p>",
    ],
    ids=["NHS over two paragraphs", "NHS a digit at a time", "maps link", "escaped postcode in a link", "words"],
)
def test_the_editor_refuses_it(client, ours, html):
    client.force_login(coordinator())
    response = _publish(client, ours, html)
    assert REFUSED in response
    assert not ResourcePage.objects.get(pk=ours.pk).has_unpublished_changes
    assert "999 114" not in response.split(REFUSED, 1)[1].split("</", 1)[0]


@pytest.mark.parametrize(
    "html",
    [
        "<p>Write to the Civic Centre, 1 Example Street, N99 9ZZ, or call the switchboard on 020 7946 0500.</p>",
        "<p>Munro (2011) and Turnell and Edwards (1999) remain the core reading; see Brandon et al., 2020.</p>",
        "<p>Section 47 enquiries; ICPC within 15 working days (Working Together 2023).</p>",
    ],
    ids=["council office and switchboard", "cited authors", "process words"],
)
def test_the_editor_publishes_look_alikes(client, ours, html):
    client.force_login(coordinator())
    assert REFUSED not in _publish(client, ours, html)
    assert ResourcePage.objects.get(pk=ours.pk).live


def _dry_run(make_row, write_import, rows):
    stderr = io.StringIO()
    with contextlib.suppress(CommandError):
        call_command("import_resources", str(write_import(rows)), "--dry-run", stdout=io.StringIO(), stderr=stderr)
    return stderr.getvalue().splitlines()


def test_the_import_refuses_split_numbers_and_passes_offices(make_row, write_import, attachment):
    rows = [
        make_row(1, body="Health details: NHS number 999 114\n\n0336 (from the GP letter)"),
        make_row(2, attachments=[attachment("letter.txt", b"Letter from the GP.\nNHS no 999 012\n6704\n")]),
        make_row(3, summary="Child: Kian Sample-Tester, born 03/2017"),
        make_row(4, body="Our office: Civic Centre, 1 Example Street, N99 9ZZ. Switchboard 020 7946 0500."),
        make_row(5, summary="Builds on Munro (2011) and Brandon et al., 2020."),
    ]
    lines = _dry_run(make_row, write_import, rows)
    refused = {n for n in range(1, 6) if any(line.startswith(f"row {n} (") and "remove it" in line for line in lines)}
    assert refused == {1, 2, 3}
    assert not any("0336" in line or "Kian" in line for line in lines)
    assert any("(nhs_number: 999 *** ****); remove it" in line for line in lines)  # one line, masked
