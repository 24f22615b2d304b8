"""Spelling help: words people type that the exchange does not contain, and the nearest that it does.

The vocabulary is every word in live public resources' titles, summaries, tags and synonyms,
cached and rebuilt when a resource is published or unpublished. Public only: "Did you mean"
is shown to everyone, so a word only a draft or a members-only resource uses must never be offered.
"""

from django.core.cache import cache
from django.dispatch import receiver
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from wagtail.signals import page_published, page_unpublished

from core.text import STOP_WORDS, words
from resources.models import ResourcePage
from resources.tags import readable_tags
from search.synonyms import synonym_groups

_CACHE_KEY = "search:vocabulary:v1"
_MIN_LENGTH = 4  # short words and abbreviations are too easily "corrected" into other words


def vocabulary() -> frozenset[str]:
    vocab = cache.get(_CACHE_KEY)
    if vocab is None:
        found: set[str] = set()
        for title, summary in ResourcePage.objects.live().public().values_list("title", "summary").iterator():
            found.update(words(title))
            found.update(words(summary))
        for name in readable_tags(None).values_list("name", flat=True):
            found.update(words(name))
        for group in synonym_groups():
            for term in group:
                found.update(term.split())
        vocab = frozenset(found)
        cache.set(_CACHE_KEY, vocab, 60 * 60)
    return vocab


def forget_vocabulary() -> None:
    cache.delete(_CACHE_KEY)


def correction(word: str) -> str | None:
    """The vocabulary word one edit away (two for long words), or None when the word is known or unlike any."""
    vocab = vocabulary()
    if len(word) < _MIN_LENGTH or word in vocab or word in STOP_WORDS or any(ch.isdigit() for ch in word):
        return None
    limit = 1 if len(word) < 8 else 2
    match = process.extractOne(word, vocab, scorer=Levenshtein.distance, score_cutoff=limit)
    return match[0] if match else None


def suggest(query_words: list[str]) -> str | None:
    """The query with misspelt words corrected, or None when nothing needs correcting."""
    corrected = [correction(word) or word for word in query_words]
    return " ".join(corrected) if corrected != query_words else None


@receiver([page_published, page_unpublished])
def _forget_vocabulary_on_publish(sender: type, **kwargs: object) -> None:
    # Newly published words must be correctable at once, not after the cache expires.
    forget_vocabulary()
