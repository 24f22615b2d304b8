"""Renaming and merging tags (search.tag_maintenance), old tag addresses, and the coordinator's tag screens."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from taggit.models import Tag, TaggedItem
from wagtail.models import ModelLogEntry, Revision

from resources.models import ResourcePage, ResourcePageTag
from search import tag_maintenance
from search.models import TagRedirect
from search.tag_maintenance import MERGE_ACTION, likely_duplicates, merge_tags, rename_tag
from tests.factories import DocumentFactory, ResourcePageFactory


def tag(name: str) -> Tag:
    return Tag.objects.get(name=name)


def tags(*names: str) -> list[Tag]:
    """Tags with exactly these names: taggit, case-insensitive here, would reuse "S47" for "s47"."""
    return [Tag.objects.get_or_create(name=name)[0] for name in names]


def tag_names(page: ResourcePage) -> list[str]:
    return sorted(t.name for t in ResourcePage.objects.get(pk=page.pk).tags.all())


def with_revision(page: ResourcePage) -> ResourcePage:
    """Factory pages have no revisions; editing in the admin always makes one."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def snapshot() -> dict:
    return {
        "tags": sorted(Tag.objects.values_list("pk", "name", "slug")),
        "rows": sorted(ResourcePageTag.objects.values_list("pk", "tag_id", "content_object_id")),
        "redirects": sorted(TagRedirect.objects.values_list("old_slug", "tag_id")),
        "revisions": Revision.objects.count(),
    }


# --- Rename ------------------------------------------------------------------------------------


def test_rename_changes_name_and_slug_and_keeps_every_resource(db):
    pages = [ResourcePageFactory(tags=tags("strategy meeting")) for _ in range(2)]
    renamed = rename_tag(tag("strategy meeting"), "  Strategy   discussions ")
    assert (renamed.name, renamed.slug) == ("Strategy discussions", "strategy-discussions")
    assert all(tag_names(page) == ["Strategy discussions"] for page in pages)
    assert TagRedirect.objects.get(old_slug="strategy-meeting").tag == renamed


def test_old_address_redirects_permanently_keeping_the_query_string(client, db, django_assert_max_num_queries):
    ResourcePageFactory(tags=tags("neglect"))
    rename_tag(tag("neglect"), "Neglect and emotional harm")
    # Three: the view restrictions, the tag, the redirect (kept only if its tag is one the reader may read).
    with django_assert_max_num_queries(3):
        response = client.get("/tags/neglect/?q=toolkit&type=practice-guidance")
    assert response.status_code == 301
    assert response["Location"] == "/tags/neglect-and-emotional-harm/?q=toolkit&type=practice-guidance"
    assert client.get(response["Location"]).status_code == 200
    assert client.get("/tags/never-existed/").status_code == 404


def test_rename_onto_an_existing_name_in_any_case_merges(db):
    first = ResourcePageFactory(tags=tags("S-47"))
    second = ResourcePageFactory(tags=tags("S47"))
    survivor = rename_tag(tag("S-47"), "s47")
    assert survivor == tag("S47")
    assert tag_names(first) == tag_names(second) == ["S47"]
    assert not Tag.objects.filter(name="S-47").exists()


@pytest.mark.parametrize(("name", "message"), [("   ", "Enter a name"), ("x" * 101, "at most 100"), ("!!!", "letter")])
def test_rename_rejects_bad_names_and_changes_nothing(db, name, message):
    ResourcePageFactory(tags=tags("neglect"))
    before = snapshot()
    with pytest.raises(ValueError, match=message):
        rename_tag(tag("neglect"), name)
    assert snapshot() == before


# --- Merge -------------------------------------------------------------------------------------


def test_merge_moves_every_resource_and_deletes_the_sources(db):
    pages = [ResourcePageFactory(tags=tags(name, "neglect")) for name in ("s47", "S-47", "s47")]
    ResourcePageFactory(tags=tags("S47"))
    result = merge_tags([tag("s47"), tag("S-47")], tag("S47"))
    assert (result.resources, sorted(result.merged_names)) == (3, ["S-47", "s47"])
    assert all(tag_names(page) == ["S47", "neglect"] for page in pages)
    assert not Tag.objects.filter(name__in=["s47", "S-47"]).exists()
    assert set(TagRedirect.objects.values_list("old_slug", flat=True)) == {"s47", "s-47"}


def test_merge_leaves_no_duplicate_rows(db):
    both = ResourcePageFactory(tags=tags("core group", "core groups"))
    two_sources = ResourcePageFactory(tags=tags("core groups", "Core-Group"))
    merge_tags([tag("core groups"), tag("Core-Group")], tag("core group"))
    for page in (both, two_sources):
        assert ResourcePageTag.objects.filter(content_object=page).count() == 1
        assert tag_names(page) == ["core group"]


def test_merge_keeps_documents_tagged(db):
    """Wagtail documents share taggit's Tag: deleting a source must not strip their tags."""
    document = DocumentFactory()
    document.tags.add("s47")
    merge_tags([tag("s47")], Tag.objects.create(name="S47"))
    assert list(TaggedItem.objects.filter(object_id=document.pk).values_list("tag__name", flat=True)) == ["S47"]


def test_merge_is_all_or_nothing(db, monkeypatch):
    for name in ("s47", "S-47", "S47"):
        with_revision(ResourcePageFactory(tags=tags(name)))
    before = snapshot()

    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    # Rows have moved and revisions been rewritten by the time redirects are written.
    monkeypatch.setattr(tag_maintenance, "_redirect_old_addresses", fail)
    with pytest.raises(RuntimeError):
        merge_tags([tag("s47"), tag("S-47")], tag("S47"))
    assert snapshot() == before
    assert all(not page.has_unpublished_changes for page in ResourcePage.objects.all())


@pytest.mark.parametrize("sources", [["S47"], ["S47", "s47"]])
def test_merging_a_tag_into_itself_is_refused(db, sources):
    ResourcePageFactory(tags=tags("S47", "s47"))
    before = snapshot()
    with pytest.raises(ValueError, match="into itself"):
        merge_tags([tag(name) for name in sources], tag("S47"))
    assert snapshot() == before


def test_redirect_chains_collapse(client, db):
    ResourcePageFactory(tags=tags("strategy mtg"))
    ResourcePageFactory(tags=tags("strategy meetings"))
    rename_tag(tag("strategy mtg"), "strategy meeting")  # /tags/strategy-mtg/ → strategy meeting
    merge_tags([tag("strategy meeting")], tag("strategy meetings"))
    target = tag("strategy meetings")
    assert dict(TagRedirect.objects.values_list("old_slug", "tag")) == {
        "strategy-mtg": target.pk,
        "strategy-meeting": target.pk,
    }
    response = client.get("/tags/strategy-mtg/")
    assert (response.status_code, response["Location"]) == (301, "/tags/strategy-meetings/")


def test_latest_revisions_carry_the_target_and_live_pages_stay_published(db):
    live = with_revision(ResourcePageFactory(tags=tags("s47", "neglect")))
    pending = with_revision(ResourcePageFactory(tags=tags("S47")))
    draft = pending.get_latest_revision_as_object()
    draft.tags.add(tag("s47"))
    draft.title = "Pending change"
    draft.save_revision()
    result = merge_tags([tag("s47")], tag("S47"))
    assert result.revisions == 2
    live.refresh_from_db()
    # Revisions store tag ids; the deleted tag's id must be gone from the record itself.
    revision_tags = {item["tag"] for item in live.latest_revision.content["tagged_items"]}
    assert revision_tags == {tag("S47").pk, tag("neglect").pk}
    assert sorted(t.name for t in live.latest_revision.as_object().tags.all()) == ["S47", "neglect"]
    assert live.live and not live.has_unpublished_changes
    assert tag_names(live) == ["S47", "neglect"]
    pending.refresh_from_db()
    pending_draft = pending.get_latest_revision_as_object()
    assert [t.name for t in pending_draft.tags.all()] == ["S47"]
    assert pending_draft.title == "Pending change" and pending.has_unpublished_changes
    assert ModelLogEntry.objects.filter(action=MERGE_ACTION, object_id=str(tag("S47").pk)).exists()


def test_live_resources_still_render_after_a_merge(client, db):
    page = with_revision(ResourcePageFactory(title="Strategy meeting checklist", tags=tags("s47")))
    ResourcePageFactory(tags=tags("S47"))
    merge_tags([tag("s47")], tag("S47"))
    response = client.get(page.url)
    assert response.status_code == 200
    assert "S47" in response.content.decode()
    assert "Strategy meeting checklist" in client.get("/tags/s47/", follow=True).content.decode()


def test_search_index_is_updated_only_after_commit(db, monkeypatch, django_capture_on_commit_callbacks):
    indexed: list[int] = []
    monkeypatch.setattr(tag_maintenance, "update_object", lambda page: indexed.append(page.pk))
    page = ResourcePageFactory(tags=tags("s47"))
    draft_only = ResourcePageFactory(tags=tags("s47"), live=False)
    with django_capture_on_commit_callbacks(execute=True):
        merge_tags([tag("s47")], Tag.objects.create(name="S47"))
        assert indexed == []
    assert indexed == [page.pk] and draft_only.pk not in indexed


# --- Likely duplicates -------------------------------------------------------------------------


def test_likely_duplicates_groups_spellings_of_one_topic(db):
    for names in (["S47"], ["S47"], ["s47"], ["S-47"], ["core group"], ["core groups"]):
        ResourcePageFactory(tags=tags(*names))
    ResourcePageFactory(tags=tags("strategy meetings", "CIN", "CSE", "section 17", "section 47"))
    ResourcePageFactory(tags=tags("stratergy meetings"))
    ResourcePageFactory(tags=tags("strategy meetings"))
    groups = [[t.name for t in group] for group in likely_duplicates()]
    assert groups == [
        ["S47", "S-47", "s47"],
        ["strategy meetings", "stratergy meetings"],
        ["core group", "core groups"],
    ]
    assert likely_duplicates()[0][0].num_resources == 2


def test_likely_duplicates_ignores_tags_no_resource_uses(db):
    ResourcePageFactory(tags=tags("neglect"))
    Tag.objects.create(name="Neglect-")
    assert likely_duplicates() == []


# --- Admin screens -----------------------------------------------------------------------------

TAG_SCREENS = ["search_tags:index", "search_tags:index_results", "search_tags:duplicates"]


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("coordinator", "c@exchange.example", "a-long-test-password")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def staff_client(client, django_user_model):
    """Can use the admin, but holds no tag permission."""
    user = django_user_model.objects.create_user("lead", "l@exchange.example", "a-long-test-password", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return client


def test_tag_screens_load_for_a_superuser(admin_client):
    ResourcePageFactory(tags=tags("S47"))
    ResourcePageFactory(tags=tags("s47"))
    for name in TAG_SCREENS:
        response = admin_client.get(reverse(name))
        assert response.status_code == 200, name
        assert "S47" in response.content.decode()
    response = admin_client.get(reverse("search_tags:rename", args=[tag("S47").pk]))
    assert response.status_code == 200
    assert "Merge into “S47”" in admin_client.get(reverse("search_tags:duplicates")).content.decode()


def test_tag_list_searches_by_name(admin_client):
    ResourcePageFactory(tags=tags("neglect", "S47"))
    response = admin_client.get(reverse("search_tags:index"), {"q": "negl"})
    assert [t.name for t in response.context["object_list"]] == ["neglect"]


@pytest.mark.parametrize("name", TAG_SCREENS)
def test_tag_screens_are_closed_to_anonymous_users(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("name", TAG_SCREENS)
def test_tag_screens_are_closed_to_staff_without_the_permission(staff_client, name):
    response = staff_client.get(reverse(name))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_staff_without_the_permission_cannot_merge(staff_client):
    ResourcePageFactory(tags=tags("S47", "s47"))
    before = snapshot()
    staff_client.post(reverse("search_tags:index"), {"sources": [tag("s47").pk], "target": tag("S47").pk})
    assert snapshot() == before


def test_the_permission_opens_the_tag_screens(client, django_user_model):
    user = django_user_model.objects.create_user("adviser", "a@exchange.example", "a-long-test-password")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "manage_tags"]))
    client.force_login(user)
    assert client.get(reverse("search_tags:index")).status_code == 200


def test_post_without_csrf_token_is_rejected(superuser):
    ResourcePageFactory(tags=tags("S47", "s47"))
    client = Client(enforce_csrf_checks=True)
    client.force_login(superuser)
    before = snapshot()
    response = client.post(reverse("search_tags:index"), {"sources": [tag("s47").pk], "target": tag("S47").pk})
    assert response.status_code == 403
    response = client.post(reverse("search_tags:rename", args=[tag("s47").pk]), {"name": "renamed"})
    assert response.status_code == 403
    assert snapshot() == before


def test_rename_form_renames_and_redirects_back(admin_client):
    ResourcePageFactory(tags=tags("neglect"))
    listing = reverse("search_tags:index") + "?q=neg"
    url = reverse("search_tags:rename", args=[tag("neglect").pk])
    response = admin_client.post(url, {"name": "Neglect", "next": listing}, follow=True)
    assert response.redirect_chain == [(listing, 302)]
    assert "Renamed “neglect” to “Neglect”." in response.content.decode()
    assert Tag.objects.filter(name="Neglect").exists()


@pytest.mark.parametrize(("name", "error"), [("", "This field is required."), ("   ", "This field is required.")])
def test_rename_form_shows_errors_and_changes_nothing(admin_client, name, error):
    ResourcePageFactory(tags=tags("neglect"))
    before = snapshot()
    response = admin_client.post(reverse("search_tags:rename", args=[tag("neglect").pk]), {"name": name})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert snapshot() == before


def test_merge_form_merges_redirects_and_leaves_an_audit_trail(admin_client):
    page = with_revision(ResourcePageFactory(tags=tags("s47")))
    ResourcePageFactory(tags=tags("S47"))
    url = reverse("search_tags:index") + "?p=1"
    data = {"sources": [tag("s47").pk, tag("S47").pk], "target": tag("S47").pk}  # ticking the target too is fine
    response = admin_client.post(url, data, follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert "Merged “s47” into “S47”" in response.content.decode()
    assert tag_names(page) == ["S47"]
    history = admin_client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Merged tags “s47” into “S47”" in history
    page_history = admin_client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "Merged tags “s47” into “S47”" in page_history


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"sources": ["S47"], "target": "S47"}, "cannot be merged into itself"),
        ({"target": "S47"}, "Tick at least one tag"),
        ({"sources": ["s47"]}, "Choose the tag to keep"),
    ],
)
def test_merge_form_shows_errors_and_changes_nothing(admin_client, data, error):
    ResourcePageFactory(tags=tags("S47", "s47"))
    before = snapshot()
    post = {field: [tag(n).pk for n in value] if field == "sources" else tag(value).pk for field, value in data.items()}
    response = admin_client.post(reverse("search_tags:index"), post)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert snapshot() == before


def test_duplicates_report_merges_a_group_in_one_click(admin_client):
    for name in ("S47", "S47", "s47"):
        ResourcePageFactory(tags=tags(name))
    data = {"sources": [tag("s47").pk], "target": tag("S47").pk}
    response = admin_client.post(reverse("search_tags:merge_group"), data, follow=True)
    assert response.redirect_chain == [(reverse("search_tags:duplicates"), 302)]
    assert "No likely duplicates" in response.content.decode()
    assert not Tag.objects.filter(name="s47").exists()


def test_merge_group_answers_post_only(admin_client):
    assert admin_client.get(reverse("search_tags:merge_group")).status_code == 405
