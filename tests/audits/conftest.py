"""An S47 decision audit tool, a round open today with three boroughs taking part, and the people."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from audits.enums import Participation, QuestionKind
from audits.models import AuditRound, AuditTool, RatingScale, RoundBorough, ToolQuestion
from audits.roles import AUDIT_COORDINATORS
from audits.services.versions import version_for_round
from resources.models import BoroughPage

BOROUGHS = ("camden", "hackney", "lambeth")


def make_tool() -> AuditTool:
    scale = RatingScale.objects.create(name="Ofsted-style", levels="Good\nAdequate\nRequires improvement\nInadequate")
    tool = AuditTool.objects.create(title="S47 decision making", slug="s47-decisions", intro="Cases open to S47.")
    questions = [
        (
            "Strategy discussion",
            "s47-01",
            "How good was the strategy discussion?",
            QuestionKind.RATING,
            {"scale": scale},
        ),
        ("Strategy discussion", "s47-02", "Did police attend?", QuestionKind.YES_NO, {}),
        (
            "Strategy discussion",
            "s47-03",
            "Working days from referral to strategy discussion",
            QuestionKind.NUMBER,
            {"unit": "working days"},
        ),
        (
            "Strategy discussion",
            "s47-04",
            "Which agencies attended?",
            QuestionKind.CHOICES,
            {"options_text": "Police\nHealth\nEducation\nProbation"},
        ),
        (
            "Decision",
            "s47-05",
            "Was the threshold decision recorded?",
            QuestionKind.CHOICE,
            {"options_text": "Recorded with reasons\nRecorded without reasons\nNot recorded"},
        ),
        ("Decision", "s47-06", "What would have helped?", QuestionKind.TEXT, {}),
    ]
    for order, (section, code, text, kind, extra) in enumerate(questions):
        ToolQuestion.objects.create(
            tool=tool, sort_order=order, section=section, code=code, text=text, kind=kind, **extra
        )
    return tool


@pytest.fixture
def tool(db):
    return make_tool()


@pytest.fixture
def audit_round(tool):
    today = timezone.localdate()
    audit_round = AuditRound.objects.create(
        title="S47 audit, winter",
        slug="s47-winter",
        version=version_for_round(tool),
        opens_on=today - datetime.timedelta(days=10),
        closes_on=today + datetime.timedelta(days=20),
        target_cases=10,
    )
    for letter, slug in zip("ABC", BOROUGHS, strict=True):
        RoundBorough.objects.create(
            round=audit_round, borough=BoroughPage.objects.get(slug=slug), letter=letter, status=Participation.ACCEPTED
        )
    return audit_round


def person(username: str, *groups: str):
    user = get_user_model().objects.create_user(username, f"{username}@council.example", "a-long-password-1")
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def people(db):
    return {
        "coordinator": person("audit-coordinator", AUDIT_COORDINATORS),
        "camden_lead": person("camden-audit-lead", "Camden audit leads"),
        "camden_auditor": person("camden-auditor", "Camden auditors"),
        "hackney_auditor": person("hackney-auditor", "Hackney auditors"),
        "outsider": person("croydon-auditor", "Croydon auditors"),
    }
