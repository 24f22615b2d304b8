"""The case audits at network scale: a round with 33 boroughs, 200 returns each and 40 questions,
generated in bulk; the pooled findings page (time and queries, whatever the number of returns) and
the CSV export of every return (time and the memory it holds while streaming)."""

import datetime
import random
import time
import tracemalloc
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice

from audits.enums import Participation, QuestionKind, ReturnStatus
from audits.models import Answer, AuditQuestion, AuditReturn, AuditRound, AuditTool, AuditToolVersion, RoundBorough
from audits.roles import AUDIT_COORDINATORS
from audits.services import exports
from audits.services.rounds import letter
from bench.timing import ok, queries, timed
from resources.models import BoroughPage

SLUG = "bench-audit-round"
BOROUGHS, RETURNS, QUESTIONS = 33, 200, 40
KINDS = [QuestionKind.RATING, QuestionKind.YES_NO, QuestionKind.CHOICES, QuestionKind.NUMBER, QuestionKind.CHOICE]
RATING = [
    ["good", "Good"],
    ["adequate", "Adequate"],
    ["requires-improvement", "Requires improvement"],
    ["inadequate", "Inadequate"],
]
YES_NO = [["yes", "Yes"], ["partly", "Partly"], ["no", "No"], ["not-applicable", "Not applicable"]]
AGENCIES = [["police", "Police"], ["health", "Health"], ["education", "Education"], ["probation", "Probation"]]


def ensure_round(seed: int = 7, borough_count: int = BOROUGHS, returns: int = RETURNS) -> AuditRound:
    """The benchmark's round, generated once per database in bulk (about 300,000 answers)."""
    found = AuditRound.objects.filter(slug=SLUG).first()
    if found is not None:
        return found
    rng = random.Random(seed)  # noqa: S311 - benchmark data
    tool = AuditTool.objects.create(title="Benchmark audit", slug="bench-audit")
    version = AuditToolVersion.objects.create(tool=tool, number=1)
    questions = []
    for n in range(QUESTIONS):
        kind = KINDS[n % len(KINDS)]
        options = {QuestionKind.RATING: RATING, QuestionKind.YES_NO: YES_NO}.get(kind, AGENCIES)
        questions.append(
            AuditQuestion(
                version=version,
                sort_order=n,
                section=f"Section {n // 8 + 1}",
                code=f"b-{n:02d}",
                text=f"Benchmark question {n}",
                kind=kind,
                options=[] if kind == QuestionKind.NUMBER else options,
                unit="working days" if kind == QuestionKind.NUMBER else "",
            )
        )
    questions = AuditQuestion.objects.bulk_create(questions)
    today = timezone.localdate()
    audit_round = AuditRound.objects.create(
        title="Benchmark round",
        slug=SLUG,
        version=version,
        opens_on=today - datetime.timedelta(days=30),
        closes_on=today + datetime.timedelta(days=30),
        target_cases=RETURNS,
    )
    boroughs = list(BoroughPage.objects.order_by("title")[:borough_count])
    RoundBorough.objects.bulk_create(
        RoundBorough(round=audit_round, borough=b, letter=letter(i), status=Participation.ACCEPTED, named=i % 3 == 0)
        for i, b in enumerate(boroughs)
    )
    now = timezone.now()
    for borough in boroughs:
        made = AuditReturn.objects.bulk_create(
            AuditReturn(
                round=audit_round, borough=borough, number=n + 1, status=ReturnStatus.SUBMITTED, submitted_at=now
            )
            for n in range(returns)
        )
        answers = []
        for audit_return in made:
            for question in questions:
                if question.kind == QuestionKind.NUMBER:
                    answers.append(
                        Answer(audit_return=audit_return, question=question, number=Decimal(rng.randint(0, 30)))
                    )
                elif question.kind == QuestionKind.CHOICES:
                    answers += [
                        Answer(audit_return=audit_return, question=question, option=slug)
                        for slug, _ in question.options
                        if rng.random() < 0.5
                    ]
                else:
                    answers.append(
                        Answer(audit_return=audit_return, question=question, option=rng.choice(question.options)[0])
                    )
        Answer.objects.bulk_create(answers, batch_size=2000)
    return audit_round


def measure_audits(repeat: int, boroughs: int = BOROUGHS, returns: int = RETURNS) -> dict[str, Any]:
    started = time.perf_counter()
    audit_round = ensure_round(borough_count=boroughs, returns=returns)
    generated_s = round(time.perf_counter() - started, 1)
    coordinator, _ = get_user_model().objects.get_or_create(username="bench-audit-coordinator")
    coordinator.groups.add(Group.objects.get(name=AUDIT_COORDINATORS))
    client = Client()
    client.force_login(coordinator)
    # Signed in with both factors, as a coordinator always is.
    device, _ = StaticDevice.objects.get_or_create(user=coordinator, name="bench second factor", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    page, data = f"/audits/{SLUG}/", f"/audits/{SLUG}/findings.json"
    results: dict[str, Any] = {
        "returns": AuditReturn.objects.filter(round=audit_round).count(),
        "answers": Answer.objects.filter(audit_return__round=audit_round).count(),
        "generated in s": generated_s,
        "findings page": {**timed(lambda: ok(client.get(page)), repeat), "queries": queries(client, page)},
        "findings json": {**timed(lambda: ok(client.get(data)), repeat), "queries": queries(client, data)},
    }
    tracemalloc.start()
    started = time.perf_counter()
    lines = sum(1 for _ in exports.csv_lines(exports.return_rows(audit_round)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    results["csv export"] = {
        "rows": lines - 2,  # less the byte-order mark and the header
        "seconds": round(time.perf_counter() - started, 2),
        "peak traced MB": round(peak / 1024 / 1024, 1),
    }
    return results
