"""The demo's case audits: the S47 decision-making tool, a finished round in ten boroughs with about
120 returns, a round in progress, and the link to the published findings (demo/content/audit.json).

Returns are generated, not written out: each borough has its own leanings (quicker strategy
discussions, health there more often, clearer plans), drawn from a generator seeded by the
borough, so the figures differ believably between boroughs and are the same on every machine.
Idempotent: a round that already has returns is left alone.
"""

import datetime
import json
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from taggit.models import Tag

from audits.enums import Participation, QuestionKind, ReturnStatus
from audits.models import AuditQuestion, AuditReturn, AuditRound, AuditTool, RatingScale, RoundBorough, ToolQuestion
from audits.services.answers import ParsedAnswer
from audits.services.returns import new_return, write_answers
from audits.services.rounds import free_letter
from audits.services.versions import version_for_round
from demo.attachments import CONTENT
from resources.models import BoroughPage, ResourcePage


@dataclass
class AuditReport:
    rounds: int = 0
    returns: int = 0


@dataclass(frozen=True)
class Leaning:
    """How one borough's practice tends to look: quality (-1 weak … 1 strong) and speed in days."""

    quality: float
    speed: float
    health_present: float


def _leaning(borough: BoroughPage) -> Leaning:
    rng = random.Random(f"leaning:{borough.slug}")  # noqa: S311 - demo data, not security
    return Leaning(quality=rng.uniform(-0.9, 0.9), speed=rng.uniform(-2.5, 3.5), health_present=rng.uniform(0.35, 0.9))


def _answer(question: AuditQuestion, leaning: Leaning, rng: random.Random, lessons: list[str]) -> ParsedAnswer:
    slugs = [slug for slug, _ in question.options]
    if question.kind == QuestionKind.RATING:
        # Good … Inadequate: a stronger borough leans to the first levels.
        centre = 1.3 - leaning.quality + rng.gauss(0, 0.8)
        return ParsedAnswer(options=[slugs[min(len(slugs) - 1, max(0, round(centre)))]])
    if question.kind == QuestionKind.YES_NO:
        chance = 0.62 + 0.25 * leaning.quality
        if "health" in question.text.lower():
            chance = leaning.health_present
        roll = rng.random()
        if roll < 0.04:
            return ParsedAnswer(options=["not-applicable"])
        return ParsedAnswer(options=["yes" if roll < chance else ("partly" if roll < chance + 0.12 else "no")])
    if question.kind == QuestionKind.NUMBER:
        days = max(0.0, 4 + leaning.speed + rng.gauss(0, 2.2)) * (3 if "conference" in question.text else 1)
        return ParsedAnswer(number=Decimal(round(days)))
    if question.kind == QuestionKind.CHOICES:
        chosen = ["social-care"] if "social-care" in slugs else []
        for slug in slugs:
            chance = leaning.health_present if slug == "health" else (0.85 if slug == "police" else 0.3)
            if slug not in chosen and rng.random() < chance:
                chosen.append(slug)
        return ParsedAnswer(options=chosen or slugs[:1])
    if question.kind == QuestionKind.CHOICE:
        weights = [5, 3, 2, 1][: len(slugs)] + [1] * max(0, len(slugs) - 4)
        return ParsedAnswer(options=rng.choices(slugs, weights=weights))
    return ParsedAnswer(text=rng.choice(lessons)) if rng.random() < 0.7 else ParsedAnswer()


def _tool(data: dict) -> AuditTool:
    scale, _ = RatingScale.objects.get_or_create(
        name=data["scale"]["name"], defaults={"levels": "\n".join(data["scale"]["levels"])}
    )
    tool, created = AuditTool.objects.get_or_create(
        slug=data["tool"]["slug"], defaults={"title": data["tool"]["title"], "intro": data["tool"]["intro"]}
    )
    if created:
        for order, item in enumerate(data["tool"]["questions"]):
            ToolQuestion.objects.create(
                tool=tool,
                sort_order=order,
                section=item["section"],
                code=item["code"],
                text=item["text"],
                guidance=item["guidance"],
                kind=item["kind"],
                unit=item.get("unit", ""),
                scale=scale if item["kind"] == QuestionKind.RATING else None,
                options_text="\n".join(item.get("options", [])),
                use_audiences=item.get("use_audiences", False),
            )
    return tool


def _dates(spec: dict, today: datetime.date) -> tuple[datetime.date, datetime.date]:
    if "opens" in spec:
        return datetime.date.fromisoformat(spec["opens"]), datetime.date.fromisoformat(spec["closes"])
    return today - datetime.timedelta(days=spec["opens_days_ago"]), today + datetime.timedelta(
        days=spec["closes_in_days"]
    )


@transaction.atomic
def load_demo_audits() -> AuditReport:
    data = json.loads((CONTENT / "audit.json").read_text(encoding="utf-8"))
    report = AuditReport()
    tool = _tool(data)
    themes = [Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name) for name in data["themes"]]
    today = timezone.localdate()
    for spec in data["rounds"]:
        opens, closes = _dates(spec, today)
        audit_round, _ = AuditRound.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "title": spec["title"],
                "version": version_for_round(tool),
                "opens_on": opens,
                "closes_on": closes,
                "target_cases": spec["target"],
            },
        )
        report.rounds += 1
        if "findings" in spec and audit_round.findings_id is None:
            publisher, source_id = spec["findings"]
            audit_round.findings = ResourcePage.objects.filter(borough__slug=publisher, source_id=source_id).first()
            audit_round.save(update_fields=["findings"])
        if audit_round.returns.exists():
            continue
        boroughs = list(BoroughPage.objects.filter(slug__in=spec["boroughs"]).order_by("title"))
        letters = random.Random(f"letters:{audit_round.slug}")  # noqa: S311 - the same demo on every machine
        for borough in boroughs:
            RoundBorough.objects.get_or_create(
                round=audit_round,
                borough=borough,
                defaults={
                    "letter": free_letter(audit_round, letters),
                    "status": Participation.ACCEPTED,
                    "named": borough.slug in spec["named"],
                },
            )
            report.returns += _returns(audit_round, borough, spec, themes, data["lessons"])
    return report


def _returns(audit_round: AuditRound, borough: BoroughPage, spec: dict, themes: list[Tag], lessons: list[str]) -> int:
    rng = random.Random(f"{audit_round.slug}:{borough.slug}")  # noqa: S311 - demo data
    leaning = _leaning(borough)
    questions = list(audit_round.version.questions.order_by("sort_order"))
    count = spec["target"] + rng.randint(-3, 2) if spec["finished"] else rng.randint(2, 7)
    for case in range(count):
        audit_return = new_return(audit_round, borough)
        answered = questions if spec["finished"] or case % 3 else questions[: len(questions) // 2]
        write_answers(audit_return, {q.pk: _answer(q, leaning, rng, lessons) for q in answered})
        audit_return.themes.set(rng.sample(themes, k=rng.randint(1, 3)))
        if answered is questions:
            AuditReturn.objects.filter(pk=audit_return.pk).update(
                status=ReturnStatus.SUBMITTED, submitted_at=timezone.now()
            )
    return count
