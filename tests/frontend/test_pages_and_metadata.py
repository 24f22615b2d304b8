"""Site-wide pieces: navigation, sitemap, robots.txt, Open Graph, error pages, file descriptions."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.test import override_settings

from resources.models import ResourceAttachment
from resources.templatetags.resource_tags import file_description, human_size
from tests.factories import DocumentFactory, ResourcePageFactory


@pytest.mark.django_db
class TestLayout:
    def test_every_page_has_the_landmarks_skip_link_and_service_name(self, client, home):
        html = client.get("/").content.decode()
        assert '<html lang="en-GB"' in html
        assert 'href="#main-content" class="govuk-skip-link"' in html
        assert '<main class="govuk-main-wrapper" id="main-content">' in html
        assert "<header" in html and "<footer" in html and '<nav aria-label="Menu"' in html
        assert "London Practice Exchange" in html
        # Unbranded: no crown, no GDS Transport, no inline script or style (the CSP forbids them).
        assert "govuk-header__logotype" not in html and "GDS Transport" not in html
        assert "<script>" not in html and "style=" not in html

    def test_navigation_marks_the_current_section(self, client, home):
        html = client.get("/search/", {"q": "plan"}).content.decode()
        assert re.search(r'href="/search/" aria-current="page"', html)
        tag_html = client.get("/boroughs/").content.decode()
        assert 'href="/boroughs/" aria-current="page"' in tag_html
        assert 'href="/search/" aria-current' not in tag_html

    def test_resource_pages_carry_open_graph_metadata(self, client):
        resource = ResourcePageFactory(title="Strategy meeting record", summary="Record the plan for enquiries.")
        html = client.get(resource.url).content.decode()
        assert '<meta property="og:title" content="Strategy meeting record">' in html
        assert '<meta property="og:description" content="Record the plan for enquiries.">' in html
        assert f'<meta property="og:url" content="{resource.full_url}">' in html

    def test_404_uses_the_design(self, client, home):
        response = client.get("/no-such-page/")
        assert response.status_code == 404
        assert "govuk-heading-xl" in response.content.decode()

    def test_500_renders_without_a_request_or_database(self):
        # Django renders 500.html with an empty context: no request, no context processors.
        html = render_to_string("500.html")
        assert "Sorry, there is a problem with the service" in html
        assert "govuk-footer" in html


@pytest.mark.django_db
class TestSitemapAndRobots:
    def test_sitemap_lists_live_resources_only(self, client, home):
        live = ResourcePageFactory(title="Live checklist")
        draft = ResourcePageFactory(title="Draft checklist", live=False)
        xml = client.get("/sitemap.xml").content.decode()
        assert live.full_url in xml
        assert f"/{draft.slug}/" not in xml
        assert "/accessibility-statement/" in xml

    @override_settings(ALLOWED_HOSTS=["exchange.example"])
    def test_robots_points_at_the_sitemap_and_keeps_crawlers_out_of_admin(self, client):
        response = client.get("/robots.txt", HTTP_HOST="exchange.example")
        assert response["Content-Type"].startswith("text/plain")
        text = response.content.decode()
        assert "Disallow: /admin/" in text
        assert "Sitemap: http://exchange.example/sitemap.xml" in text


class TestFileDescriptions:
    @pytest.mark.parametrize(
        ("size", "expected"),
        [(900, "900 bytes"), (245_760, "240 KB"), (1_468_006, "1.4 MB")],
    )
    def test_sizes_as_people_write_them(self, size, expected):
        assert human_size(size) == expected

    @pytest.mark.django_db
    def test_pdf_with_size_and_pages(self):
        document = DocumentFactory()
        document.file_size = 245_760
        document.page_count = 4
        assert file_description(document) == "PDF, 240 KB, 4 pages"

    @pytest.mark.django_db
    def test_downloads_state_format_and_offer_another_format_without_claiming_the_page_matches(self, client):
        resource = ResourcePageFactory(
            body=[("paragraph", "<p>Record who attended.</p>")], contact_email="qa-team@camden.example"
        )
        document = DocumentFactory(title="Record template")
        document.page_count = 2
        document.save()
        ResourceAttachment.objects.create(page=resource, document=document)
        html = client.get(resource.url).content.decode()
        assert re.search(r"\(PDF, \d+ bytes, 2 pages\)", html)
        # The page's text is not the PDF's for most resources: never claim it is.
        assert "same guidance as text" not in html
        assert 'For another format, email <a class="govuk-link" href="mailto:qa-team@camden.example">' in html


@pytest.mark.django_db
def test_overdue_review_is_a_notification_banner(client):
    resource = ResourcePageFactory(review_due=datetime.date(2020, 1, 1), published_date=datetime.date(2019, 1, 1))
    html = client.get(resource.url).content.decode()
    assert 'class="govuk-notification-banner"' in html
    assert "due for review on 1 January 2020" in html
