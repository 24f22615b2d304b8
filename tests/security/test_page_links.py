"""A link to a page never reveals a page its reader may not read: not its address (the slug says
what it is about), not its title. Checked in every way rich text is rendered (the page, the
template filter, the RichText value, a block, the editor's preview) and in the editor itself
(Draftail's data and the chosen related resource)."""

import pytest
from django.http import HttpResponse
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.rich_text import RichText, expand_db_html
from wagtail.test.utils.form_data import inline_formset

from core.visibility import RequestMemoMiddleware
from resources.blocks import ResourceBodyBlock
from resources.services.visibility import set_members_only
from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import lead_of, member, resource_form_data

pytestmark = pytest.mark.django_db

MEMBERS_SLUG = "zqxmembers-briefing"
DRAFT_SLUG = "zqxdraft-plan"
PUBLIC_SLUG = "open-core-group-guide"


@pytest.fixture
def links(camden, hackney):
    members_only = ResourcePageFactory(parent=hackney, title="Members briefing", slug=MEMBERS_SLUG)
    set_members_only(members_only, True)
    draft = ResourcePageFactory(parent=hackney, title="Zqxdraft plan", slug=DRAFT_SLUG, live=False)
    public = ResourcePageFactory(parent=hackney, title="Open guide", slug=PUBLIC_SLUG)
    html = (
        f'<p><a linktype="page" id="{members_only.pk}">members briefing</a>, '
        f'<a linktype="page" id="{draft.pk}">the plan</a> and '
        f'<a linktype="page" id="{public.pk}">the open guide</a></p>'
    )
    linking = ResourcePageFactory(parent=camden, title="Camden linking guide", body=[("paragraph", RichText(html))])
    return {"html": html, "linking": linking, "members_only": members_only, "draft": draft}


def render_paths(html: str) -> dict[str, str]:
    """Rich text rendered each way templates and code render it."""
    block = ResourceBodyBlock()
    return {
        "expand_db_html": expand_db_html(html),
        "RichText": str(RichText(html)),
        "richtext filter": Template("{% load wagtailcore_tags %}{{ html|richtext }}").render(Context({"html": html})),
        "block": str(block.to_python([{"type": "paragraph", "value": html}]).render_as_block()),
    }


def as_reader(user, render):
    """Run ``render`` inside a request for ``user``, as the site does (RequestMemoMiddleware)."""
    out = {}

    def view(request):
        out["value"] = render()
        return HttpResponse()

    request = RequestFactory().get("/")
    request.user = user
    RequestMemoMiddleware(view)(request)
    return out["value"]


def test_anonymous_readers_never_get_a_members_only_or_draft_address_by_any_render_path(links):
    from django.contrib.auth.models import AnonymousUser

    # Outside a request the reader is anonymous; inside one, whoever the request is for.
    for rendered in (render_paths(links["html"]), as_reader(AnonymousUser(), lambda: render_paths(links["html"]))):
        for path, html in rendered.items():
            assert MEMBERS_SLUG not in html and DRAFT_SLUG not in html, path
            assert PUBLIC_SLUG in html, path
            assert 'href="/_util/login/"' in html, path  # the members-only link asks them to sign in
            assert "members briefing" in html and "the plan" in html, path  # the words stay


def test_the_published_page_keeps_members_only_addresses_from_anonymous_readers(client, links):
    html = client.get(links["linking"].url).content.decode()
    assert MEMBERS_SLUG not in html and DRAFT_SLUG not in html
    assert PUBLIC_SLUG in html


def test_network_members_follow_the_members_only_link(client, links):
    client.force_login(member("synthetic-member"))
    html = client.get(links["linking"].url).content.decode()
    assert MEMBERS_SLUG in html
    assert DRAFT_SLUG not in html


def test_the_editor_and_its_preview_hide_another_boroughs_draft(client, links, camden):
    """Camden's lead edits a page that links to Hackney's draft (from the body and as a related
    resource): neither the editor nor the preview names it, and saving keeps both links."""
    page = links["linking"]
    page.related_resources.create(resource=links["draft"])
    page.save_revision()
    client.force_login(lead_of("Camden", "synthetic-camden-lead"))
    editor = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert DRAFT_SLUG not in editor and "Zqxdraft" not in editor
    assert "A page you cannot see" in editor

    url = f"/admin/pages/{page.pk}/edit/preview/"
    data = resource_form_data(page, related_resources=inline_formset([{"resource": links["draft"].pk}]))
    assert client.post(url, data).json()["is_valid"]
    preview = client.get(url + "?in_preview_panel=true").content.decode()
    assert DRAFT_SLUG not in preview and "Zqxdraft" not in preview


def test_the_editors_data_keeps_the_hidden_link_so_saving_changes_nothing(client, links):
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    converter = ContentstateConverter(features=["link"])
    as_lead = lead_of("Camden", "synthetic-camden-lead")
    contentstate = as_reader(as_lead, lambda: converter.from_database_format(links["html"]))
    assert DRAFT_SLUG not in contentstate and MEMBERS_SLUG in contentstate  # live pages keep theirs
    assert f'id="{links["draft"].pk}"' in converter.to_database_format(contentstate)
