"""The admin's document and image upload forms (single and multiple) refuse with the reason and store nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

from tests.uploads import samples

Document = get_document_model()
Image = get_image_model()


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def add_document(client, name, data):
    return client.post(reverse("wagtaildocs:add"), {"title": "Synthetic", "collection": 1, "file": upload(name, data)})


class TestDocumentUpload:
    def test_clean_pdf_is_stored(self, admin_client, media_files):
        response = add_document(admin_client, "checklist.pdf", samples.pdf())
        assert response.status_code == 302
        assert Document.objects.count() == 1
        assert len(media_files()) == 1

    def test_refusal_shows_the_reason_and_stores_nothing(self, admin_client, media_files):
        response = add_document(admin_client, "tool.pdf", samples.pdf_with_javascript())
        assert response.status_code == 200
        assert "This file was refused: it contains JavaScript." in response.content.decode()
        assert Document.objects.count() == 0
        assert media_files() == []

    def test_disguised_html_is_refused(self, admin_client, media_files):
        response = add_document(admin_client, "notes.txt", samples.HTML)
        assert "This file was refused: its content is" in response.content.decode()
        assert Document.objects.count() == 0
        assert media_files() == []

    def test_replacing_a_file_with_a_refused_one_keeps_the_old_file(self, admin_client, media_files):
        add_document(admin_client, "checklist.pdf", samples.pdf())
        document = Document.objects.get()
        before = media_files()
        response = admin_client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {"title": "Synthetic", "collection": 1, "file": upload("macros.docx", samples.office_zip("docm"))},
        )
        assert "This file was refused: it is a macro-enabled Office file" in response.content.decode()
        document.refresh_from_db()
        assert document.file.name.endswith(".pdf")
        assert media_files() == before

    def test_multiple_upload_refuses_with_the_reason(self, admin_client, media_files):
        response = admin_client.post(
            reverse("wagtaildocs:add_multiple"), {"files[]": upload("tool.exe.pdf", samples.EXE)}
        )
        data = response.json()
        assert data["success"] is False
        assert "This file was refused: its content is a Windows program" in data["error_message"]
        assert Document.objects.count() == 0
        assert UploadedFile.objects.count() == 0
        assert media_files() == []

    def test_multiple_upload_accepts_a_clean_file(self, admin_client, media_files):
        response = admin_client.post(
            reverse("wagtaildocs:add_multiple"), {"files[]": upload("notes.txt", samples.TEXT)}
        )
        assert response.json()["success"] is True
        # Stored as a document, or held as an upload until required details are filled in.
        assert Document.objects.count() + UploadedFile.objects.count() == 1

    def test_form_warns_when_scanning_is_switched_off(self, admin_client, settings):
        settings.CLAMAV_ENABLED = False
        content = admin_client.get(reverse("wagtaildocs:add")).content.decode()
        assert "Virus scanning is switched off on this server" in content


class TestImageUpload:
    def test_png_is_stored(self, admin_client, media_files):
        response = admin_client.post(
            reverse("wagtailimages:add"),
            {"title": "Map", "collection": 1, "file": upload("map.png", samples.image("PNG"))},
        )
        assert response.status_code == 302
        assert Image.objects.count() == 1

    def test_svg_is_refused(self, admin_client, media_files):
        response = admin_client.post(
            reverse("wagtailimages:add"), {"title": "Map", "collection": 1, "file": upload("map.svg", samples.SVG)}
        )
        assert response.status_code == 200
        assert Image.objects.count() == 0
        assert media_files() == []

    def test_multiple_upload_runs_the_exchange_checks(self, admin_client, media_files, settings, tmp_path):
        """Wagtail's own image checks pass this PNG; only the exchange's (here, the scanner) refuse it."""
        settings.CLAMAV_ENABLED = True
        settings.CLAMAV_URL = f"unix://{tmp_path}/no-clamd.sock"
        response = admin_client.post(
            reverse("wagtailimages:add_multiple"), {"files[]": upload("map.png", samples.image("PNG"))}
        )
        data = response.json()
        assert data["success"] is False
        assert "This file was refused: the virus scanner is not available just now" in data["error_message"]
        assert Image.objects.count() == 0
        assert UploadedFile.objects.count() == 0
        assert media_files() == []
