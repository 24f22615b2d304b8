"""Freezing a tool's questions into the version a round uses."""

from django.db import transaction

from audits.models import AuditQuestion, AuditTool, AuditToolVersion
from audits.models.tools import question_options
from resources.models import Audience


def _frozen(tool: AuditTool) -> list[tuple]:
    """The tool's questions as they would be frozen (comparable with a version's)."""
    audiences = [[a.slug, a.name] for a in Audience.objects.order_by("sort_order", "name")]
    rows = []
    for question in tool.questions.select_related("scale").prefetch_related("cp_stages", "tags"):
        rows.append(
            (
                question.section,
                question.code,
                question.text,
                question.guidance,
                question.kind,
                question.unit,
                question_options(question, audiences),
                sorted(stage.pk for stage in question.cp_stages.all()),
                sorted(tag.pk for tag in question.tags.all()),
            )
        )
    return rows


def _as_frozen(version: AuditToolVersion) -> list[tuple]:
    return [
        (
            q.section,
            q.code,
            q.text,
            q.guidance,
            q.kind,
            q.unit,
            q.options,
            sorted(s.pk for s in q.cp_stages.all()),
            sorted(t.pk for t in q.tags.all()),
        )
        for q in version.questions.prefetch_related("cp_stages", "tags").order_by("sort_order", "pk")
    ]


def _write_questions(version: AuditToolVersion, rows: list[tuple]) -> None:
    version.questions.all().delete()
    for order, (section, code, text, guidance, kind, unit, options, stages, tags) in enumerate(rows):
        question = AuditQuestion.objects.create(
            version=version,
            sort_order=order,
            section=section,
            code=code,
            text=text,
            guidance=guidance,
            kind=kind,
            unit=unit,
            options=options,
        )
        question.cp_stages.set(stages)
        question.tags.set(tags)


@transaction.atomic
def version_for_round(tool: AuditTool) -> AuditToolVersion:
    """The version a new round of ``tool`` uses: the latest if its questions are the tool's; the
    latest rewritten if no round has returns against it yet; otherwise a new version."""
    rows = _frozen(tool)
    codes = [row[1] for row in rows]
    if not rows or len(set(codes)) != len(codes):
        raise ValueError("A tool needs at least one question, and each question its own code.")
    latest = tool.versions.order_by("-number").first()
    if latest is not None and _as_frozen(latest) == rows:
        return latest
    if latest is not None and not latest.rounds.filter(returns__isnull=False).exists():
        _write_questions(latest, rows)
        return latest
    version = AuditToolVersion.objects.create(tool=tool, number=(latest.number + 1) if latest else 1)
    _write_questions(version, rows)
    return version
