"""Text of the demo attachments, keyed by file name.

The demo network in ``resources.json`` links to these files; ``files.py``
turns each entry into a real PDF or DOCX so the site can be shown with
downloads, previews and attachment text in search.

Shape of each entry::

    {"title": str,
     "sections": [{"heading": str,
                   "paragraphs": [str, ...],
                   "table": {"columns": [str, ...], "rows": [[str, ...], ...]}}]}

``table`` is optional: templates and checklists use it for boxes to fill in.
The file extension decides the format.

``ATTACHMENT_ONLY_PHRASES`` names, for every file, a phrase that appears in
the file but in no resource's title, summary or body, so a search test can
prove that attachment text is indexed, not just the resource body.

All text is invented. It refers to "the child" and "the parents" and to
roles, never to people, and holds no identifying details of any kind.
"""

from __future__ import annotations

from .attachments_checklists import CHECKLIST_ATTACHMENTS
from .attachments_guides import GUIDE_ATTACHMENTS
from .attachments_templates import TEMPLATE_ATTACHMENTS

__all__ = ["ATTACHMENTS", "ATTACHMENT_ONLY_PHRASES"]

ATTACHMENTS: dict[str, dict] = {**TEMPLATE_ATTACHMENTS, **CHECKLIST_ATTACHMENTS, **GUIDE_ATTACHMENTS}

ATTACHMENT_ONLY_PHRASES: dict[str, str] = {
    "strategy-meeting-record-template.docx": "absent agency follow-up",
    "chair-pre-meeting-checklist.docx": "supporter not known to the service",
    "core-group-agenda-template.docx": "between-meeting contact log",
    "rcpc-chair-checklist.docx": "stuck-score prompt",
    "s47-decision-making-audit-tool.docx": "could a stranger follow the reasoning",
    "safety-network-meeting-agenda.docx": "empty-chair question",
    "step-down-transition-plan-template.docx": "re-entry triggers",
    "three-houses-practitioner-guide.pdf": "magic wand question",
    "harm-and-danger-statement-examples.pdf": "overheard on a bus",
    "risk-analysis-conference-report-prompts.pdf": "so-what test",
    "pre-birth-conference-timeline.pdf": "birth plan handover call",
    "multi-agency-cp-plan-audit-tool.pdf": "calibration round",
    "learning-together-themed-review-briefing.pdf": "hindsight and outcome bias",
    "sos-mapping-training-notes.pdf": "fishbowl debrief",
    "neglect-research-briefing.pdf": "waking, eating, sleeping",
}
