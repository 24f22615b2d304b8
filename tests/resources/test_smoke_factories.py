from tests.factories import DocumentFactory, ResourcePageFactory


def test_resource_factory_builds_a_live_resource_under_its_borough(camden):
    resource = ResourcePageFactory(tags=["S47", "recording"], stages=["section-47"])
    assert resource.get_parent().specific == camden
    assert resource.borough == camden
    assert sorted(t.name for t in resource.tags.all()) == ["S47", "recording"]
    assert [s.slug for s in resource.cp_stages.all()] == ["section-47"]


def test_document_factory_stores_a_file(db):
    document = DocumentFactory()
    assert document.file.read().startswith(b"%PDF")
