"""Plain text of a resource body, as indexed and shown in search snippets."""

from resources.services.body_text import blocks_plain_text
from search.highlight import snippet


def test_rich_text_entities_become_characters_so_snippets_escape_them_once():
    raw = [{"type": "paragraph", "value": "<p>Ask &quot;who else knows?&quot; &amp; record it.</p>"}]
    text = blocks_plain_text(raw)
    assert text == 'Ask "who else knows?" & record it.'
    assert "&amp;quot;" not in snippet("", text, ["record"])
    assert "&quot;who else knows?&quot;" in snippet("", text, ["record"])
