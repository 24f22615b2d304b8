"""From what a practitioner typed to a backend query, in this project's code so every backend agrees.

Each word becomes "the word, or its stem, or its spelling correction"; each phrase from the
synonym list becomes "any of its synonyms". The strict query needs every part; the loose
one (used when the strict one finds nothing) needs any.
"""

from dataclasses import dataclass, field

from modelsearch.query import And, Or, PlainText, SearchQuery

from core.text import STOP_WORDS, stem, words
from search.spelling import correction
from search.synonyms import synonym_groups


@dataclass
class ParsedQuery:
    words: list[str]
    strict: SearchQuery | None
    loose: SearchQuery | None
    highlight_terms: list[str] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    # Ranking uses one plain "any of these words" query: the database backend's scores for
    # nested AND/OR queries are not comparable between results, a single query's are.
    rank: SearchQuery | None = None
    # Each clause's alternatives (a word with its stem and correction, or a synonym group).
    clause_terms: list[list[str]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return self.strict is None

    @property
    def rank_decides(self) -> bool:
        """True when the ranking query matches exactly what the strict one does: one clause whose
        alternatives are single words ("any of these words" is then the whole query)."""
        return len(self.clause_terms) == 1 and all(" " not in term for term in self.clause_terms[0])


def parse(text: str) -> ParsedQuery:
    tokens = words(text)
    clauses: list[SearchQuery] = []
    clause_terms: list[list[str]] = []
    highlight: set[str] = set()
    corrections: dict[str, str] = {}
    groups = synonym_groups()
    meaningful = [t for t in tokens if t not in STOP_WORDS] or tokens
    position = 0
    while position < len(meaningful):
        group, length = _synonym_at(meaningful, position, groups)
        if group:
            clauses.append(_any_of([PlainText(term, operator="and") for term in group]))
            clause_terms.append(list(group))
            highlight.update(group)
            position += length
            continue
        word = meaningful[position]
        alternatives = {word, stem(word)}
        fixed = correction(word)
        if fixed:
            corrections[word] = fixed
            alternatives |= {fixed, stem(fixed)}
        clauses.append(_any_of([PlainText(alt) for alt in sorted(alternatives)]))
        clause_terms.append(sorted(alternatives))
        highlight.update(alternatives)
        position += 1
    if not clauses:
        return ParsedQuery(words=tokens, strict=None, loose=None)
    strict = clauses[0] if len(clauses) == 1 else And(clauses)
    loose = clauses[0] if len(clauses) == 1 else Or(clauses)
    rank_words = sorted({word for term in highlight for word in term.split()})
    rank = PlainText(" ".join(rank_words), operator="or")
    return ParsedQuery(tokens, strict, loose, sorted(highlight, key=len, reverse=True), corrections, rank, clause_terms)


def _synonym_at(tokens: list[str], position: int, groups: list[list[str]]) -> tuple[list[str] | None, int]:
    """The synonym group whose longest term starts at this position, and that term's length in words."""
    best: tuple[list[str] | None, int] = (None, 0)
    for group in groups:
        for term in group:
            term_words = term.split()
            if len(term_words) > best[1] and tokens[position : position + len(term_words)] == term_words:
                best = (group, len(term_words))
    return best


def _any_of(queries: list[SearchQuery]) -> SearchQuery:
    return queries[0] if len(queries) == 1 else Or(queries)
