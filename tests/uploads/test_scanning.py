"""Virus scanning: a real clamd finds EICAR and the exchange's own signature; no scanner means no upload."""

import io
import socket
import threading

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model

from tests.uploads import samples
from uploads.refusals import UploadRefused
from uploads.services import check_upload

Document = get_document_model()


def check(name, data):
    return check_upload(io.BytesIO(data), name, len(data), ["txt", "pdf", "docx"], source="test")


@pytest.fixture
def scanning(settings, clamd_url):
    settings.CLAMAV_ENABLED = True
    settings.CLAMAV_URL = clamd_url
    return clamd_url


class TestRealClamd:
    def test_clean_file_passes_and_is_marked_scanned(self, scanning):
        assert check("notes.txt", samples.TEXT).scanned is True

    def test_eicar_is_refused(self, scanning):
        with pytest.raises(UploadRefused) as caught:
            check("notes.txt", samples.EICAR)
        assert caught.value.code == "virus"
        assert "Exchange.Test.EICAR" in caught.value.reason

    def test_custom_signature_inside_a_docx_is_refused(self, scanning):
        """clamd unpacks the zip container: the marker is found inside a part of a valid docx."""
        data = samples.office_zip("docx", {"word/document.xml": b"<w:t>" + samples.MARKER + b"</w:t>"})
        with pytest.raises(UploadRefused) as caught:
            check("agenda.docx", data)
        assert "Exchange.Test.Marker" in caught.value.reason

    def test_admin_upload_of_eicar_is_refused_and_stores_nothing(self, scanning, admin_client, media_files):
        response = admin_client.post(
            reverse("wagtaildocs:add"),
            {"title": "Synthetic", "collection": 1, "file": samples_upload("notes.txt", samples.EICAR)},
        )
        assert "This file was refused: the virus scanner found Exchange.Test.EICAR" in response.content.decode()
        assert Document.objects.count() == 0
        assert media_files() == []


def samples_upload(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


class TestFailClosed:
    def test_missing_socket_refuses(self, settings, tmp_path):
        settings.CLAMAV_ENABLED = True
        settings.CLAMAV_URL = f"unix://{tmp_path}/clamd.sock"
        with pytest.raises(UploadRefused) as caught:
            check("notes.txt", samples.TEXT)
        assert caught.value.code == "scanner-unavailable"
        assert "the virus scanner is not available just now" in caught.value.reason

    def test_closed_port_refuses(self, settings):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        settings.CLAMAV_ENABLED = True
        settings.CLAMAV_URL = f"tcp://127.0.0.1:{port}"
        with pytest.raises(UploadRefused):
            check("notes.txt", samples.TEXT)

    def test_scanner_that_never_answers_refuses_after_the_timeout(self, settings):
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen()
        accepted = []
        threading.Thread(target=lambda: accepted.append(server.accept()), daemon=True).start()
        settings.CLAMAV_ENABLED = True
        settings.CLAMAV_URL = f"tcp://127.0.0.1:{server.getsockname()[1]}"
        settings.CLAMAV_TIMEOUT = 0.5
        try:
            with pytest.raises(UploadRefused) as caught:
                check("notes.txt", samples.TEXT)
            assert caught.value.code == "scanner-unavailable"
        finally:
            for connection, _ in accepted:
                connection.close()
            server.close()

    def test_switched_off_accepts_unscanned(self, settings):
        settings.CLAMAV_ENABLED = False
        assert check("notes.txt", samples.EICAR).scanned is False


def test_import_attachment_with_a_virus_is_a_problem_and_nothing_is_imported(db, scanning, tmp_path, media_files):
    import json

    from django.core.management import CommandError, call_command

    from resources.models import ResourcePage

    (tmp_path / "notes.txt").write_bytes(samples.EICAR)
    row = {
        "source_id": "cam-1",
        "borough": "camden",
        "title": "Strategy discussion guidance",
        "type": "practice-guidance",
        "summary": "How to record a multi-agency strategy discussion.",
        "attachments": ["notes.txt"],
    }
    (tmp_path / "import.json").write_text(json.dumps({"resources": [row]}))
    stderr = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_resources", str(tmp_path / "import.json"), stderr=stderr, stdout=io.StringIO())
    assert "attachments: 'notes.txt' was refused: the virus scanner found Exchange.Test.EICAR" in stderr.getvalue()
    assert not ResourcePage.objects.exists()
    assert media_files() == []
