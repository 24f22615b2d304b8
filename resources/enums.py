"""Controlled vocabularies. Slugs are part of the bulk-import format: never rename one."""

from django.db import models


class ResourceType(models.TextChoices):
    SOS_TOOL = "sos-tool", "Signs of Safety tool"
    PRACTICE_GUIDANCE = "practice-guidance", "Practice guidance"
    TEMPLATE = "template", "Template or form"
    AUDIT_TOOL = "audit-tool", "Audit tool"
    AUDIT_FINDINGS = "audit-findings", "Audit findings"
    CASE_REVIEW_LEARNING = "case-review-learning", "Case review learning"
    EVENT_NOTES = "event-notes", "Event notes"
    TRAINING = "training", "Training material"
    RESEARCH_SUMMARY = "research-summary", "Research summary"


# Types that practitioners print to use with a family or in supervision: their pages offer a Print button.
PRINTED_TYPES = frozenset({ResourceType.SOS_TOOL, ResourceType.TEMPLATE, ResourceType.AUDIT_TOOL})


class PublisherKind(models.TextChoices):
    BOROUGH = "borough", "London borough"
    CITY = "city", "City of London Corporation"
    PAN_LONDON = "pan-london", "Pan-London body"


# Multi-valued facets are rows (see resources.models.vocabulary) so resources can
# be filtered and counted with joins; these tuples are the seed data and the
# order they are shown in: (slug, label, description).
CP_STAGES: tuple[tuple[str, str, str], ...] = (
    ("referral", "Referral and MASH", "Contacts, referrals and the multi-agency safeguarding hub."),
    ("strategy-discussion", "Strategy discussion", "Strategy discussions and meetings."),
    ("section-47", "Section 47 enquiry", "Enquiries under section 47 of the Children Act 1989."),
    (
        "initial-conference",
        "Initial child protection conference",
        "ICPCs, including pre-birth and transfer-in conferences.",
    ),
    ("cp-plan", "Child protection plan", "Writing and delivering the child protection plan."),
    ("core-group", "Core group", "Core group meetings and work between conferences."),
    ("review-conference", "Review conference", "Review child protection conferences."),
    ("step-down", "Step-down", "Ending the plan and stepping down to child in need or early help."),
)

SOS_ELEMENTS: tuple[tuple[str, str, str], ...] = (
    ("mapping", "Mapping", "The assessment map: worries, what is working well, what needs to happen."),
    ("danger-statements", "Danger statements", "Harm and danger statements."),
    ("safety-goals", "Safety goals", "Safety goals paired with danger statements."),
    ("scaling", "Scaling questions", "Safety scales and scaling questions."),
    ("three-houses", "Three houses", "The three houses tool for children."),
    ("words-and-pictures", "Words and pictures", "Words and pictures explanations for children."),
    ("safety-planning", "Safety planning", "Building and reviewing the safety plan."),
    ("family-network", "Family and network meetings", "Family, safety network and network meetings."),
)

AUDIENCES: tuple[tuple[str, str, str], ...] = (
    ("social-care", "Children's social care", "Social workers and their managers."),
    ("health", "Health", "Health visitors, midwives, GPs, paediatricians, CAMHS."),
    ("education", "Education", "Schools, designated safeguarding leads and early years."),
    ("police", "Police", "Police child protection teams."),
    ("early-help", "Early help", "Early help practitioners."),
    ("conference-chairs", "Conference chairs and CP advisers", "Independent chairs and child protection advisers."),
    ("managers", "Managers", "Team, service and quality assurance managers."),
)
