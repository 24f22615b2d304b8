"""The index rebuild's fast path (batched relations, fields read once, one INSERT per batch, title norms
once) writes exactly what Wagtail's stock per-object indexer writes, for resources of every shape."""

import random
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils.html import strip_tags
from modelsearch.backends.database import SearchBackend as stock_backend
from wagtail.search.models import IndexEntry

from core.text import normalise, strip_simple_tags, words
from resources.models import ResourceAttachment, ResourcePage
from resources.services.body_text import blocks_plain_text, comparable
from tests.factories import DocumentFactory, ResourcePageFactory

RICH = (
    '<p data-block-key="k1">Ask &quot;who else knows?&quot; &amp; <b>record</b> it.</p>'
    '<p>Next <a href="/x">step</a></p>'
)
SHAPES = {
    "bare": {"body": [], "tags": []},
    "rich text and tags": {
        "body": [{"type": "heading", "value": "Strategy meetings"}, {"type": "paragraph", "value": RICH}],
        "tags": ["neglect", "strategy meetings", "chronologies"],
    },
    "steps, quote, table, document link": {
        "body": [
            {"type": "how_to", "value": {"intro": "Before the meeting", "steps": ["Read the chronology", "Plan"]}},
            {"type": "practice_example", "value": {"quote": "It helped us plan.", "attribution": "Chair"}},
            {"type": "table", "value": {"data": [["Stage", "Who"], ["S47", None]], "table_caption": "Roles"}},
            {"type": "document", "value": {"document": None, "description": "The agenda template"}},
            # Markup the fast tag stripper hands to Django's (unquoted attribute, a bare "<").
            {"type": "paragraph", "value": "<p class=x>Risk &lt; safety, 3 < 4</p>"},
        ],
        "tags": ["section 47"],
    },
    "attachments": {"body": [], "tags": ["templates", "agenda"], "attachments": 2},
}


def _make(shape: dict) -> ResourcePage:
    page = ResourcePageFactory(body=shape["body"], tags=shape["tags"])
    for n in range(shape.get("attachments", 0)):
        document = DocumentFactory(title=f"Agenda template {n}")
        document.extracted_text = f"Synthetic extracted words for attachment {n}: escalation, planning."
        document.save()
        ResourceAttachment.objects.create(page=page, document=document, sort_order=n)
    return page


COLUMNS = ["title", "autocomplete", "body"] + (["title_text", "body_text"] if connection.vendor == "postgresql" else [])


def _entries(pks: list[int]) -> dict[str, dict]:
    rows = IndexEntry.objects.filter(object_id__in=[str(pk) for pk in pks])
    if connection.vendor == "postgresql":  # tsvectors compare as their text
        from django.db.models import TextField
        from django.db.models.functions import Cast

        rows = rows.annotate(**{f"{c}_as_text": Cast(c, TextField()) for c in ("title", "autocomplete", "body")})
        columns = [f"{c}_as_text" for c in ("title", "autocomplete", "body")] + COLUMNS[3:]
    else:
        columns = COLUMNS
    return {row["object_id"]: row for row in rows.values("object_id", "title_norm", *columns)}


@pytest.mark.django_db
def test_a_rebuild_indexes_what_the_stock_indexer_does():
    pages = [_make(shape) for shape in SHAPES.values()]
    pks = [page.pk for page in pages]
    stock = stock_backend({})
    # Wagtail's own rebuild queryset (prefetch_related for tags and attachments) through its own indexer.
    stock.get_index_for_model(ResourcePage).add_items(
        ResourcePage, list(super(ResourcePage, ResourcePage).get_indexed_objects().filter(pk__in=pks))
    )
    expected = _entries(pks)
    per_object = {}
    for pk in pks:  # and one at a time from fresh instances, each relation read with its own query
        stock.add(ResourcePage.objects.get(pk=pk))
        per_object[str(pk)] = _entries([pk])[str(pk)]

    IndexEntry.objects.all().delete()
    call_command("update_index", verbosity=0)
    rebuilt = _entries(pks)

    assert {pk: _text(row) for pk, row in rebuilt.items()} == {pk: _text(row) for pk, row in expected.items()}
    # One at a time, the database may list a resource's tags in another order (neither path orders
    # them): the same words, with the same weights and counts.
    assert {pk: _words(row) for pk, row in rebuilt.items()} == {pk: _words(row) for pk, row in per_object.items()}
    # Title norms set once at the end are the ones the stock indexer's full refresh gives.
    assert all(row["title_norm"] != 1.0 for row in rebuilt.values())
    stock.get_index_for_model(ResourcePage)._refresh_title_norms(full=True)
    assert _entries(pks) == rebuilt


def _words(row: dict) -> dict:
    """Each column's words (SQLite text) or lexemes with weights and counts (PostgreSQL), unordered."""
    found = {}
    for column, value in _text(row).items():
        if column.endswith("_as_text"):  # 'lexeme':3,17B …
            found[column] = sorted(
                (lexeme, len(positions.split(",")), "".join(sorted(set(re.sub(r"[\d,]", "", positions)))))
                for lexeme, positions in re.findall(r"'((?:[^']|'')+)':([\dA-D,]+)", value)
            )
        else:
            found[column] = sorted(str(value).replace(",", " ").split())
    return found


def _text(row: dict) -> dict:
    return {column: value for column, value in row.items() if column != "title_norm"}


@pytest.mark.django_db
def test_a_rebuild_reads_relations_per_batch_not_per_resource(django_assert_max_num_queries):
    for n in range(12):
        _make({**SHAPES["attachments"], "tags": [f"topic {n}", "shared"]})
    resources = ResourcePage.get_indexed_objects().order_by("pk")
    with django_assert_max_num_queries(3):  # the pages, their tags, their attachments with documents
        fetched = list(resources)
        for page in fetched:
            list(page.tags.all())
            [a.document.extracted_text for a in page.attachments.all()]


@pytest.mark.django_db
def test_publishing_one_resource_still_sets_its_title_norm():
    ResourcePageFactory(title="Short").save_revision().publish()
    page = ResourcePageFactory(title="A title longer than the average")
    page.save_revision().publish()
    assert IndexEntry.objects.get(object_id=str(page.pk)).title_norm != 1.0


MARKUP = ["<p>", "</p>", "<b>", "</b>", '<a href="/x?a=1&amp;b=2">', "</a>", "<br/>", "<P>", "<ol><li>", "</li>"]
TEXT = ["word", " ", "&amp;", "&quot;", "&#39;", "&#x27;", "&", "<", ">", "café", "s.47", '"', "<!-- c -->", "&amp"]


@pytest.mark.parametrize("seed", range(300))
def test_the_fast_tag_stripper_agrees_with_djangos(seed):
    rng = random.Random(seed)
    html = "".join(rng.choice(MARKUP + TEXT) for _ in range(rng.randint(0, 30)))
    assert strip_simple_tags(html) == strip_tags(html)


def test_the_fast_tag_stripper_takes_the_editors_markup():
    assert strip_simple_tags(RICH) == "Ask &quot;who else knows?&quot; &amp; record it.Next step"


@pytest.mark.parametrize(
    "text", ["Step-down s.47 and S. 47 enquiries", "snake_case words_here", "Café — naïve ﬁle", "", "  x  ", "a1_b2 3"]
)
def test_words_are_the_words_of_the_normalised_text(text):
    assert words(text) == normalise(text).split()


def _reference_plain_text(raw: list) -> str:
    """blocks_plain_text as it was: every block copied through comparable() first."""
    parts = []
    for block in comparable(list(raw)):
        value = block.get("value")
        if block.get("type") == "paragraph":
            import html

            parts.append(html.unescape(strip_tags(value or "")))
        elif block.get("type") == "how_to":
            parts += [value.get("intro") or "", *(value.get("steps") or [])]
        elif block.get("type") == "practice_example":
            parts += [value.get("quote") or "", value.get("attribution") or ""]
        elif block.get("type") == "table":
            parts += [str(cell) for row in (value or {}).get("data") or [] for cell in row if cell]
        elif block.get("type") == "document":
            parts.append((value or {}).get("description") or "")
        elif isinstance(value, str):
            parts.append(value)
    return " ".join(p.strip() for p in parts if p and p.strip())


@pytest.mark.parametrize("name", SHAPES)
def test_plain_text_reads_blocks_in_place_as_it_did_through_copies(name):
    body = SHAPES[name]["body"]
    wrapped = [  # list items as Wagtail saves them
        {
            **block,
            "value": {
                **block["value"],
                "steps": [{"type": "item", "value": s, "id": "i"} for s in block["value"]["steps"]],
            },
        }
        if block["type"] == "how_to"
        else block
        for block in body
    ]
    assert blocks_plain_text(body) == _reference_plain_text(body)
    assert blocks_plain_text(wrapped) == _reference_plain_text(wrapped) == blocks_plain_text(body)


STREAMS = [
    *[shape["body"] for shape in SHAPES.values()],
    [{"type": "how_to", "value": {"intro": "", "steps": [{"type": "item", "value": "One", "id": "a"}, "Two"]}}],
    [
        {"type": "heading", "value": None},
        {"type": "paragraph", "value": "<h3>Heading</h3><ul><li>a</li><li>b</li></ul>"},
    ],
]


@pytest.mark.parametrize("raw", STREAMS, ids=range(len(STREAMS)))
def test_body_text_read_from_stored_data_is_wagtails(raw):
    from search.backends.index_content import raw_searchable_content

    block = ResourcePage._meta.get_field("body").stream_block
    assert raw_searchable_content(block, raw) == block.get_searchable_content(block.to_python(raw))


def test_blocks_it_cannot_read_exactly_are_left_to_wagtail():
    from search.backends.index_content import raw_searchable_content

    block = ResourcePage._meta.get_field("body").stream_block
    assert raw_searchable_content(block, [{"type": "how_to", "value": {"steps": ["a"]}}]) is None  # intro default
    assert raw_searchable_content(block, [{"type": "retired_block", "value": "x"}]) is None
