"""Text normalisation shared by indexing and querying, so both sides agree on what a word is.

The database backend's SQLite index does not stem, so stems are indexed alongside the
text (ResourcePage.search_stems) and queried alongside the words: "planning" finds
"plans" on every backend without asking which one is configured.
"""

import re
import unicodedata
from functools import lru_cache
from html import unescape

import snowballstemmer
from django.utils.html import strip_tags

# "s.47" and "s. 47" are how people write "s47"; join a letter and digits split by a dot.
_DOTTED_SECTION = re.compile(r"\b([a-z])\.\s?(\d+)\b")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_WORD = re.compile(r"[^\W_]+")  # what normalise leaves between spaces: word characters but "_"
_STEMMER = snowballstemmer.stemmer("english")

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "do",
        "does",
        "for",
        "from",
        "how",
        "i",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "our",
        "the",
        "to",
        "we",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "with",
        "you",
        "your",
        "this",
        "that",
        "there",
        "their",
        "they",
        "them",
    ]
)


# Markup as the rich-text editor writes it: tags whose attributes are double-quoted without < or >
# inside, and text whose only & are entities. Possessive quantifiers: a non-match fails at once.
_SIMPLE_HTML = re.compile(
    r"(?:[^<>&]++"
    r"|&(?:[a-zA-Z][a-zA-Z0-9]*+|#[0-9]++|#[xX][0-9a-fA-F]++);"
    r"|</?(?!(?i:script|style|textarea|title|xmp|plaintext)\b)[a-zA-Z][a-zA-Z0-9]*+"
    r"(?:\s++[a-zA-Z_:][-a-zA-Z0-9_:.]*+(?:=\"[^\"<>]*+\")?+)*+\s*+/?>)*+\Z"
)
_TAG = re.compile(r"<[^<>]*>")


def strip_simple_tags(html: str) -> str:
    """Django's strip_tags, answered with one regular expression when the markup is simple.

    Django parses the HTML (entities stay as written); for markup as the editor writes it that is the
    same as deleting the tags, at a twentieth of the cost, which matters when every resource's body
    is read in an index rebuild. Anything else goes to strip_tags itself.
    """
    if _SIMPLE_HTML.match(html):
        return _TAG.sub("", html)
    return strip_tags(html)


def text_for_indexing(html: str) -> str:
    """Wagtail's get_text_for_indexing (rich text as plain words, a space after each block element),
    with the tag stripping of strip_simple_tags."""
    html = _BLOCK_END.sub(r"\1 ", html)
    html = _BREAK.sub(r"\1 ", html)
    return unescape(strip_simple_tags(html).strip())


_BLOCK_END = re.compile(r"(</(p|h\d|li|blockquote)>)", re.IGNORECASE)
_BREAK = re.compile(r"(<(br|hr)\s*/>)", re.IGNORECASE)


def normalise(text: str) -> str:
    """Lower case, accents folded, punctuation and hyphens as spaces: 'Step-down' == 'step down'."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = _DOTTED_SECTION.sub(r"\1\2", text)
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


def words(text: str) -> list[str]:
    """Normalised words of the text, in order (the words of ``normalise(text)``, found in one pass)."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return _WORD.findall(_DOTTED_SECTION.sub(r"\1\2", text))


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def stems_text(text: str) -> str:
    """The stems of every word that differs from its stem, space-separated, for indexing."""
    # Each distinct word once: a resource repeats most of its words, and this runs for every resource
    # in an index rebuild.
    return " ".join(sorted({s for w in set(words(text)) if (s := stem(w)) != w}))
