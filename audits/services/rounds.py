"""Setting up a round and answering its invitation: the coordinator's and the borough lead's side."""

import random
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from audits.enums import Participation
from audits.models import AuditRound, AuditTool, RoundBorough
from audits.services.versions import version_for_round
from resources.models import BoroughPage


def letter(index: int) -> str:
    """A, B, … Z, AA, AB, …: enough for every London borough and more."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@transaction.atomic
def save_round(audit_round: AuditRound, tool: AuditTool | None, boroughs: list[BoroughPage]) -> AuditRound:
    """Save ``audit_round`` with the tool's current version (while it has no returns) and invite
    ``boroughs``; a borough with returns in the round stays invited."""
    if tool is not None and not (audit_round.pk and audit_round.returns.exists()):
        audit_round.version = version_for_round(tool)
    audit_round.save()
    wanted = {borough.pk for borough in boroughs}
    audit_round.boroughs.exclude(borough_id__in=wanted).exclude(
        borough_id__in=audit_round.returns.values("borough_id")
    ).delete()
    invited = set(audit_round.boroughs.values_list("borough_id", flat=True))
    for borough in boroughs:
        if borough.pk not in invited:
            RoundBorough.objects.create(round=audit_round, borough=borough, letter=free_letter(audit_round))
    return audit_round


def free_letter(audit_round: AuditRound, rng: random.Random | None = None) -> str:
    """A letter no borough of the round has, drawn at random: in the order of the boroughs' names,
    "Borough C" would tell a reader which borough it is once a few others are named."""
    used = set(audit_round.boroughs.values_list("letter", flat=True))
    pool = [name for name in map(letter, range(max(26, 2 * len(used) + 2))) if name not in used]
    return (rng or secrets.SystemRandom()).choice(pool)


def respond(invitation: RoundBorough, user: Any, taking_part: bool, named: bool) -> None:
    """A borough's audit lead accepts or declines, and chooses whether the borough is named."""
    if invitation.round.is_closed():
        raise ValueError(f"{invitation.round.title} has closed.")
    if not taking_part and invitation.round.returns.filter(borough=invitation.borough).exists():
        raise ValueError("Your borough has returns in this round: it cannot decline now.")
    invitation.status = Participation.ACCEPTED if taking_part else Participation.DECLINED
    invitation.named = named and taking_part
    invitation.responded_by = user
    invitation.responded_at = timezone.now()
    invitation.save()
