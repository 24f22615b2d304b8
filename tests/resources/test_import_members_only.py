"""The bulk import's members_only flag: restricts to network members, lifts it again, validates it."""

import pytest
from wagtail.models import PageViewRestriction

from resources.models import ResourcePage

pytestmark = pytest.mark.django_db


def test_members_only_rows_are_restricted_and_can_be_lifted(write_import, make_row, run_import):
    run_import(write_import([make_row(1, members_only=True), make_row(2)]))
    restricted = ResourcePage.objects.get(source_id="cam-1")
    assert PageViewRestriction.objects.filter(page=restricted).count() == 1
    assert not PageViewRestriction.objects.filter(page=ResourcePage.objects.get(source_id="cam-2")).exists()
    again = run_import(write_import([make_row(1, members_only=True), make_row(2)]))
    assert "unchanged" in again.stdout.lower() or "0 updated" in again.stdout.lower()
    run_import(write_import([make_row(1, members_only=False), make_row(2)]))
    assert not PageViewRestriction.objects.filter(page=restricted).exists()


def test_members_only_must_be_a_boolean(write_import, make_row, run_failing_import, stored_state):
    before = stored_state()
    run = run_failing_import(write_import([make_row(1, members_only="yes")]))
    assert "members_only: must be true or false" in run.stderr
    assert stored_state() == before
