"""The guard measured per place, end to end: each labelled value goes into one place of a resource,
through the bulk import (one file per place, a row per value) and through the editor's form
(publishing), and the place's precision and recall of refusals is printed and held to the target.

The labelled rows are in guard_places (most of them the detector-level cases the detectors were
tuned on) and guard_held_out (written afterwards and not tuned on); every value is synthetic.
"""

import contextlib
import io
import json
from collections.abc import Callable
from typing import Any

import docx
import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils.html import escape
from reportlab.pdfgen import canvas
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from resources.models import ResourcePage
from tests.factories import ResourcePageFactory
from tests.resources.admin_helpers import coordinator, resource_form_data
from tests.resources.guard_held_out import HELD_OUT
from tests.resources.guard_places import (
    CONTACT_EMAILS,
    FILE_NAMES,
    SLUGS,
    SOURCE_IDS,
    TEXTS,
    VERSIONS,
    Row,
    sample,
)
from tests.resources.hidden_files import HIDDEN_PLACES
from tests.resources.office_files import make_odt, make_pptx, make_xlsx

pytestmark = pytest.mark.django_db
MIN_PRECISION, MIN_RECALL = 0.9, 0.95
SHORT = [(text, label) for text, label in TEXTS if len(text) <= 100]


def _rates(rows: list[Row], refused: list[bool]) -> tuple[int, float, float, list[str]]:
    tp = sum(label and got for (_, label), got in zip(rows, refused, strict=True))
    fp = sum(not label and got for (_, label), got in zip(rows, refused, strict=True))
    fn = sum(label and not got for (_, label), got in zip(rows, refused, strict=True))
    misses = [
        f"{'missed' if label else 'refused'}: {text!r}"
        for (text, label), got in zip(rows, refused, strict=True)
        if label != got
    ]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return len(rows), precision, recall, misses


def _report(route: str, results: dict[str, tuple[int, float, float, list[str]]], capsys: Any) -> None:
    lines = [f"\n{route}: {'place':28} {'rows':>5} {'prec':>6} {'recall':>6}"]
    lines += [f"{'':{len(route) + 2}}{place:28} {n:5} {p:6.2f} {r:6.2f}" for place, (n, p, r, _) in results.items()]
    lines.append(f"{'':{len(route) + 2}}{'all places':28} {sum(v[0] for v in results.values()):5}")
    with capsys.disabled():
        print("\n".join(lines))
    failing = {place: v for place, v in results.items() if v[1] < MIN_PRECISION or v[2] < MIN_RECALL}
    assert not failing, "\n".join(
        f"{place}: {v[1]:.2f}/{v[2]:.2f}\n  " + "\n  ".join(v[3]) for place, v in failing.items()
    )


# --- through the import ------------------------------------------------------------------


def _docx(properties: dict[str, str] | None = None, comment: str = "") -> bytes:
    document = docx.Document()
    for name, value in (properties or {}).items():
        setattr(document.core_properties, name, value)
    document.core_properties.author = "London Practice Exchange"
    paragraph = document.add_paragraph("A template for core group minutes.")
    if comment:
        document.add_comment(paragraph.runs, text=comment, author="London Practice Exchange")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf(text: str = "", subject: str = "") -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setAuthor("London Practice Exchange")
    pdf.setSubject(subject)
    pdf.drawString(72, 740, "Strategy meeting record template for practitioners across London.")
    pdf.drawString(72, 720, text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


FILES: dict[str, tuple[str, Callable[[str], bytes]]] = {
    "attachment text (.txt)": ("txt", lambda text: f"Meeting notes.\n{text}\n".encode()),
    "attachment text (.pdf)": ("pdf", lambda text: _pdf(text=text)),
    "PDF properties": ("pdf", lambda text: _pdf(subject=text)),
    "DOCX properties": ("docx", lambda text: _docx({"title": text})),
    "DOCX comments": ("docx", lambda text: _docx(comment=text)),
    "XLSX cells": ("xlsx", lambda text: make_xlsx([["Notes"], [text]])),
    "PPTX slides": ("pptx", lambda text: make_pptx(["Strategy meetings", text])),
    "ODT body": ("odt", lambda text: make_odt(["Chronology template", text])),
    **HIDDEN_PLACES,
}
# A sheet's name holds 31 characters: the rows that fit.
SHEET_NAMES = [(text, label) for text, label in TEXTS if len(text) <= 31]


def _import_refusals(make_row, write_import, attachment, rows: list[Row], place: str) -> list[bool]:
    items = []
    for n, (text, _) in enumerate(rows, 1):
        if place in ("title", "summary", "body", "contact_name", "version", "contact_email"):
            items.append(make_row(n, **{place: text}))
        elif place == "held-out rows (body)":
            items.append(make_row(n, body=text))
        elif place == "tags":
            items.append(make_row(n, tags=[text]))
        elif place == "source_id":
            items.append(make_row(n, source_id=text))
        elif place == "attachment file name":
            items.append(make_row(n, attachments=[attachment(text, b"Core group minutes template.\n")]))
        else:
            extension, build = FILES[place]
            items.append(make_row(n, attachments=[attachment(f"file-{n}.{extension}", build(text))]))
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.suppress(CommandError):  # refusals end the command with an error, as they should
        call_command("import_resources", str(write_import(items)), "--dry-run", stdout=stdout, stderr=stderr)
    lines = stderr.getvalue().splitlines()
    return [
        any(
            line.startswith(f"row {n} (") and "looks like personal data" in line and "remove it" in line
            for line in lines
        )
        for n in range(1, len(rows) + 1)
    ]


IMPORT_PLACES: dict[str, list[Row]] = {
    "title": TEXTS,
    "summary": TEXTS,
    "body": TEXTS,
    "tags": SHORT,
    "contact_name": SHORT,
    "version": VERSIONS,
    "source_id": SOURCE_IDS,
    "contact_email": CONTACT_EMAILS,
    "attachment file name": FILE_NAMES,
    **{place: sample(TEXTS, 40) for place in FILES if place not in HIDDEN_PLACES},
    # Found hidden from outside (second round): fewer rows each, as each is a file built and read.
    **{place: sample(TEXTS, 30) for place in HIDDEN_PLACES if place != "XLSX sheet names"},
    "XLSX sheet names": sample(SHEET_NAMES, 30),
    "held-out rows (body)": HELD_OUT,
}


def test_per_place_through_the_import(make_row, write_import, attachment, capsys):
    results = {
        place: _rates(rows, _import_refusals(make_row, write_import, attachment, rows, place))
        for place, rows in IMPORT_PLACES.items()
    }
    assert sum(v[0] for v in results.values()) >= 300
    _report("import", results, capsys)


# --- through the editor's form -------------------------------------------------------


def _document(n: int, text: str = "Core group minutes template.", filename: str = "") -> int:
    document = get_document_model().objects.create(title=f"Synthetic {n}")
    document.file.save(filename or f"doc-{n}.txt", ContentFile(text.encode()))
    from resources.services.extraction import extract_document_text

    extract_document_text(document)
    return document.pk


def _paragraph(html: str) -> Any:
    return streamfield([("paragraph", rich_text(html))])


def _table(caption: str) -> str:
    return json.dumps({"data": [["Stage", "Days"]], "table_header_choice": "row", "table_caption": caption})


FORM_PLACES: dict[str, tuple[list[Row], Callable[[int, str], dict[str, Any]]]] = {
    "title": (TEXTS, lambda n, text: {"title": text}),
    "summary": (TEXTS, lambda n, text: {"summary": text}),
    "body paragraph": (TEXTS, lambda n, text: {"body": _paragraph(f"<p>{escape(text)}</p>")}),
    "table caption": (sample(TEXTS, 60), lambda n, text: {"body": streamfield([("table", _table(text))])}),
    "SEO title": (SHORT, lambda n, text: {"seo_title": text}),
    "search description": (sample(TEXTS, 60), lambda n, text: {"search_description": text}),
    "tags": (SHORT, lambda n, text: {"tags": '"' + text.replace('"', "") + '"'}),
    "contact name": (SHORT, lambda n, text: {"contact_name": text}),
    "contact email": (CONTACT_EMAILS, lambda n, text: {"contact_email": text}),
    "mailto link": (
        CONTACT_EMAILS,
        lambda n, text: {
            "body": streamfield([("paragraph", rich_text(f'<p><a href="mailto:{text}">Email us</a></p>'))])
        },
    ),
    "held-out rows (summary)": (HELD_OUT, lambda n, text: {"summary": text}),
    "slug": (SLUGS, lambda n, text: {"slug": text}),
    "version": (VERSIONS, lambda n, text: {"version": text}),
    "source id": (SOURCE_IDS, lambda n, text: {"source_id": text}),
    "attachment file name": (
        FILE_NAMES,
        lambda n, text: {"attachments": inline_formset([{"document": _document(n, filename=text)}])},
    ),
    "document behind a document link": (
        sample(TEXTS, 40),
        lambda n, text: {"body": streamfield([("document", {"document": _document(n, text), "description": ""})])},
    ),
}


def test_per_place_through_the_editor_form(camden, capsys):
    page = ResourcePageFactory(parent=camden, title="Camden chronology guide")
    user = coordinator()
    form_class = ResourcePage.get_edit_handler().get_form_class()
    results = {}
    for place, (rows, fields) in FORM_PLACES.items():
        refused = []
        for n, (text, _) in enumerate(rows, 1):
            data = resource_form_data(page, action="action-publish", **fields(n, text))
            form = form_class(data, instance=ResourcePage.objects.get(pk=page.pk), parent_page=camden, for_user=user)
            valid = form.is_valid()
            errors = " ".join(str(e) for e in form.non_field_errors())
            refused.append(not valid and "looks like it contains personal data" in errors)
        results[place] = _rates(rows, refused)
    assert sum(v[0] for v in results.values()) >= 300
    _report("editor form", results, capsys)
