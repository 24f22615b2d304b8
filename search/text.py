"""Text normalisation shared by indexing and querying, so both sides agree on what a word is.

The database backend's SQLite index does not stem, so stems are indexed alongside the
text (ResourcePage.search_stems) and queried alongside the words: "planning" finds
"plans" on every backend without asking which one is configured.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# "s.47" and "s. 47" are how people write "s47"; join a letter and digits split by a dot.
_DOTTED_SECTION = re.compile(r"\b([a-z])\.\s?(\d+)\b")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
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


def normalise(text: str) -> str:
    """Lower case, accents folded, punctuation and hyphens as spaces: 'Step-down' == 'step down'."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = _DOTTED_SECTION.sub(r"\1\2", text)
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


def words(text: str) -> list[str]:
    """Normalised words of the text, in order."""
    return normalise(text).split()


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def stems_text(text: str) -> str:
    """The stems of every word that differs from its stem, space-separated, for indexing."""
    return " ".join(sorted({s for w in words(text) if (s := stem(w)) != w}))
