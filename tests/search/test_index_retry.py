"""A failed index update never blocks a publish, is recorded, and succeeds when retried."""

import io

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from caching.services import generation
from indexing.models import PendingIndexUpdate
from resources.models import ResourcePage
from tests.engines import UNREACHABLE_ENGINE
from tests.factories import ResourcePageFactory


@pytest.fixture
def engine_down(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": django_settings.DATABASE_SEARCH_BACKEND, "engine": UNREACHABLE_ENGINE}


@pytest.mark.django_db
def test_publishing_succeeds_and_the_failure_is_queued(engine_down, camden):
    resource = ResourcePageFactory(title="Core group agenda")
    revision = resource.save_revision()
    revision.publish()
    assert ResourcePage.objects.live().filter(pk=resource.pk).exists()
    pending = PendingIndexUpdate.objects.get(object_id=str(resource.pk), backend="engine")
    assert pending.attempts >= 1
    assert pending.last_error  # the error's class name, never the content
    # The database backend was updated all the same.
    assert list(ResourcePage.objects.live().search("core group agenda", backend="default")) == [resource]


@pytest.mark.django_db
def test_retry_succeeds_once_the_engine_is_back(engine_down, settings, camden):
    resource = ResourcePageFactory(title="Chronology template")
    assert PendingIndexUpdate.objects.filter(object_id=str(resource.pk)).exists()
    # The engine comes back (here: the same backend name now pointing at a working backend).
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": django_settings.DATABASE_SEARCH_BACKEND,
        "engine": django_settings.DATABASE_SEARCH_BACKEND,
    }
    out = io.StringIO()
    call_command("retry_index_updates", stdout=out, stderr=io.StringIO())
    assert "1 succeeded, 0 still failing" in out.getvalue()
    assert not PendingIndexUpdate.objects.exists()


@pytest.mark.django_db
def test_a_successful_retry_forgets_cached_pages_and_kept_answers(engine_down, settings, camden):
    # Pages and search answers cached while the engine missed this update would otherwise stay
    # without it until they expired.
    ResourcePageFactory(title="Safety plan review")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": django_settings.DATABASE_SEARCH_BACKEND,
        "engine": django_settings.DATABASE_SEARCH_BACKEND,
    }
    before = generation()
    call_command("retry_index_updates", stdout=io.StringIO(), stderr=io.StringIO())
    assert generation() > before
    still_down = generation()
    call_command("retry_index_updates", stdout=io.StringIO(), stderr=io.StringIO())  # nothing left to retry
    assert generation() == still_down


@pytest.mark.django_db
def test_retry_while_still_down_counts_attempts(engine_down, camden):
    resource = ResourcePageFactory(title="Audit tool")
    before = PendingIndexUpdate.objects.get(object_id=str(resource.pk)).attempts
    call_command("retry_index_updates", stdout=io.StringIO(), stderr=io.StringIO())
    assert PendingIndexUpdate.objects.get(object_id=str(resource.pk)).attempts == before + 1


@pytest.mark.django_db
def test_deleted_objects_leave_the_queue(engine_down, camden):
    resource = ResourcePageFactory(title="Template")
    pk = resource.pk
    resource.delete()
    call_command("retry_index_updates", stdout=io.StringIO(), stderr=io.StringIO())
    assert not PendingIndexUpdate.objects.filter(object_id=str(pk)).exists()
