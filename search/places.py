"""Boroughs named in a query: "Hackney", "hackney neglect", "waltham-forest S47".

Practitioners search for a borough's own resources by typing its name, and the engine alone
only finds pages that mention the name. Each publisher's title and slug is matched as whole
words (normalised: "Hammersmith & Fulham" and "hammersmith-and-fulham" both match); what is
left of the query is the search, and the publisher's resources among its matches come first. A
name alone finds all the publisher's resources, then other pages that mention it.
"""

import datetime
from dataclasses import dataclass, field

from core.text import STOP_WORDS, normalise, words
from resources.vocabulary import vocabulary_labels


@dataclass
class NamedBoroughs:
    boroughs: list[tuple[str, str]] = field(default_factory=list)  # (slug, title), in the order named
    rest: str = ""  # the query's other words (none when it is only names and words like "in")

    def __bool__(self) -> bool:
        return bool(self.boroughs)

    @property
    def slugs(self) -> list[str]:
        return [slug for slug, _ in self.boroughs]


def named_boroughs(query: str) -> NamedBoroughs:
    """The publishers whose name or slug the query contains as whole words, and the rest of the query."""
    tokens = words(normalise(query.replace("&", " and ")))
    if not tokens:
        return NamedBoroughs()
    spans: dict[str, tuple[str, list[str]]] = {}
    for slug, title in vocabulary_labels("borough").items():
        for name in {normalise(title.replace("&", " and ")), normalise(slug)}:
            if name:
                spans.setdefault(name, (slug, title))
    found: list[tuple[str, str]] = []
    rest: list[str] = []
    position = 0
    while position < len(tokens):
        # The longest name starting here ("kingston upon thames" before any shorter one).
        match = max(
            (name for name in spans if tokens[position : position + len(name.split())] == name.split()),
            key=lambda name: len(name.split()),
            default=None,
        )
        if match is None:
            rest.append(tokens[position])
            position += 1
            continue
        if spans[match] not in found:
            found.append(spans[match])
        position += len(match.split())
    return NamedBoroughs(found, " ".join(w for w in rest if w not in STOP_WORDS)) if found else NamedBoroughs()


def with_own_resources(
    rows: list[tuple[int, str, str | None, datetime.date]],
    ranked: list[tuple[int, float | None]],
    boroughs: list[str],
) -> tuple[list[tuple[int, float | None]], set[int]]:
    """``ranked`` (the matches, in rank order) followed by the named publishers' resources that are not
    among them, newest first; and the ids of the publishers' resources. ``rows``: (id, title, publisher
    slug, published date) of every result."""
    own = {pk for pk, _, slug, _ in rows if slug in boroughs}
    matched = {pk for pk, _ in ranked}
    unranked = sorted((row for row in rows if row[0] in own and row[0] not in matched), key=lambda r: (r[3], r[0]))
    return ranked + [(pk, None) for pk, *_ in reversed(unranked)], own
