"""Deterministic synthetic content for the benchmark: plausible practice-resource text built from
fixed word lists, never names, places or anything about a child or family.

Everything is drawn from one ``random.Random(seed)``, so a seed always gives the same network.
"""

import datetime
import math
import random
from dataclasses import dataclass

from resources.enums import AUDIENCES, CP_STAGES, SOS_ELEMENTS, ResourceType

_QUALIFIERS = (
    "multi-agency",
    "early",
    "pre-birth",
    "contextual",
    "cumulative",
    "adolescent",
    "emotional",
    "physical",
    "parental",
    "domestic",
    "online",
    "professional",
    "school",
    "health",
    "police",
    "family",
    "network",
    "interpreter",
    "disabled children's",
    "extra-familial",
    "court",
    "step-down",
    "core group",
    "conference",
    "strategy",
    "section 47",
    "neglect",
    "risk",
    "safety",
    "supervision",
)
_TOPICS = (
    "neglect",
    "chronologies",
    "analysis",
    "escalation",
    "thresholds",
    "recording",
    "planning",
    "consent",
    "voice of the child",
    "information sharing",
    "exploitation",
    "harm",
    "home visits",
    "assessments",
    "minutes",
    "reports",
    "challenge",
    "curiosity",
    "engagement",
    "decision making",
)
_NOUNS = (
    "guide",
    "checklist",
    "template",
    "briefing",
    "toolkit",
    "prompt sheet",
    "audit tool",
    "practice note",
    "learning summary",
    "flowchart",
    "workbook",
    "standard",
)
_SENTENCES = (
    "Use this when the {topic} in a plan needs to be clear to everyone involved.",
    "It sets out what good {topic} looks like at each stage of child protection work.",
    "Practitioners and managers can use it in supervision to test the quality of {topic}.",
    "The prompts help the network agree what needs to happen next and who will do it.",
    "It draws on learning from local reviews about {topic} across agencies.",
    "Each section pairs a worry with the safety the family and network need to show.",
    "Chairs use it before conference to check the report analyses risk rather than lists events.",
    "Keep the language plain so the family can understand every decision that is recorded.",
)


@dataclass(frozen=True)
class ResourceSpec:
    title: str
    summary: str
    paragraphs: tuple[str, ...]
    resource_type: str
    published: datetime.date
    tags: tuple[str, ...]
    stages: tuple[str, ...]
    sos: tuple[str, ...]
    audiences: tuple[str, ...]


def tag_names(count: int) -> list[str]:
    """``count`` distinct topic tags, most general first (the Zipf head is the first ones)."""
    names = list(_TOPICS) + [f"{q} {t}" for t in _TOPICS for q in _QUALIFIERS if q != t]
    if count > len(names):
        raise ValueError(f"at most {len(names)} synthetic tags")
    return names[:count]


def zipf_weights(count: int, exponent: float = 1.07) -> list[float]:
    return [1 / (rank**exponent) for rank in range(1, count + 1)]


def weighted_sample(rng: random.Random, items: list[str], weights: list[float], k: int) -> tuple[str, ...]:
    """k distinct items, chosen with probability proportional to weight (Efraimidis–Spirakis)."""
    keys = sorted(((math.log(rng.random() or 1e-12) / w, item) for item, w in zip(items, weights, strict=True)))
    return tuple(item for _, item in keys[-k:])


def resource_specs(count: int, seed: int, tags: list[str]):
    """Yield ``count`` ResourceSpecs; the same seed always yields the same specs."""
    rng = random.Random(seed)  # noqa: S311 -- reproducible test data, not secrets
    weights = zipf_weights(len(tags))
    types = list(ResourceType.values)
    stages = [slug for slug, _, _ in CP_STAGES]
    sos = [slug for slug, _, _ in SOS_ELEMENTS]
    audiences = [slug for slug, _, _ in AUDIENCES]
    start = datetime.date(2021, 1, 1)
    for n in range(count):
        topic = rng.choice(_TOPICS)
        title = f"{rng.choice(_QUALIFIERS).capitalize()} {topic} {rng.choice(_NOUNS)} {n + 1}"
        sentences = [s.format(topic=topic) for s in rng.sample(_SENTENCES, 3)]
        paragraphs = tuple(" ".join(rng.sample(_SENTENCES, 4)).format(topic=rng.choice(_TOPICS)) for _ in range(3))
        yield ResourceSpec(
            title=title[:255],
            summary=" ".join(sentences)[:400],
            paragraphs=paragraphs,
            resource_type=rng.choice(types),
            published=start + datetime.timedelta(days=rng.randrange(5 * 365)),
            tags=weighted_sample(rng, tags, weights, rng.randint(3, 8)),
            stages=tuple(rng.sample(stages, rng.randint(1, 3))),
            sos=tuple(rng.sample(sos, rng.randint(0, 3))),
            audiences=tuple(rng.sample(audiences, rng.randint(1, 3))),
        )
