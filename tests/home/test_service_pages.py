"""The service's own pages: created by migration, editable, linked from every page's footer."""

import re

import pytest
from wagtail.models import Page

from home.models import HomePage, ServicePage
from home.service_pages import SERVICE_PAGES

SLUGS = [slug for slug, *_ in SERVICE_PAGES]


@pytest.mark.django_db
class TestServicePages:
    def test_migration_creates_each_page_live_under_home(self, home):
        pages = ServicePage.objects.live().child_of(home)
        assert sorted(pages.values_list("slug", flat=True)) == sorted(SLUGS)

    def test_page_types(self):
        assert ServicePage.allowed_parent_page_models() == [HomePage]
        assert ServicePage.allowed_subpage_models() == []

    @pytest.mark.parametrize("slug", SLUGS)
    def test_each_page_renders_with_one_h1_and_is_linked_from_the_footer(self, client, slug):
        response = client.get(f"/{slug}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert len(re.findall(r"<h1[ >]", html)) == 1
        footer = html.split('<footer class="govuk-footer">', 1)[1]
        assert f'href="/{slug}/"' in footer

    def test_accessibility_statement_follows_the_model_structure(self, client):
        html = client.get("/accessibility-statement/").content.decode()
        for heading in (
            "How accessible this website is",
            "Feedback and contact information",
            "Reporting accessibility problems with this website",
            "Enforcement procedure",
            "Technical information about this website",
            "Compliance status",
            "Non-accessible content",
            "What we",
            "Preparation of this accessibility statement",
        ):
            assert f"<h2>{heading}" in html or f"<h3>{heading}" in html, heading
        assert "WCAG" in html or "Web Content Accessibility Guidelines version 2.2" in html

    def test_cookies_page_says_there_are_no_optional_cookies(self, client):
        html = client.get("/cookies/").content.decode()
        assert "no cookie banner" in html
        assert "govuk-cookie-banner" not in client.get("/").content.decode()

    def test_edits_in_the_admin_show_on_the_page(self, client):
        page = ServicePage.objects.get(slug="contact")
        page.body = "<p>Ring the coordinators' team line.</p>"
        page.save_revision().publish()
        assert "Ring the coordinators" in client.get("/contact/").content.decode()

    def test_tree_stays_consistent(self, home):
        assert home.numchild == Page.objects.child_of(home).count()
