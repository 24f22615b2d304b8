"""Text of the demo checklists and audit tools.

Chairs' checklists and the section 47 audit tool are Word documents so they
can be ticked and annotated; the multi-agency audit tool is a PDF because
partnerships print it for audit days. One of the modules that
``attachments.py`` combines. All text is invented and refers to roles only.
"""

from __future__ import annotations

from .tables import labelled_rows

_CHECK_COLUMNS = ["Check", "Done", "Notes"]

CHECKLIST_ATTACHMENTS: dict[str, dict] = {
    "chair-pre-meeting-checklist.docx": {
        "title": "Conference Chair's Pre-meeting Checklist",
        "sections": [
            {
                "heading": "Before the pre-meeting",
                "paragraphs": [],
                "table": {
                    "columns": _CHECK_COLUMNS,
                    "rows": labelled_rows(
                        [
                            "Pre-meeting room booked, separate from the conference room",
                            "Interpreter booked for the pre-meeting as well as the conference",
                            "Separate pre-meetings and arrival times arranged where there is domestic abuse",
                            "Social work report shared with the parents at least three working days before",
                            "Agency reports received and shared",
                            "Advocacy offered to the parents and to the young person",
                        ],
                        3,
                    ),
                },
            },
            {
                "heading": "During the pre-meeting",
                "paragraphs": [],
                "table": {
                    "columns": _CHECK_COLUMNS,
                    "rows": labelled_rows(
                        [
                            "Introduced self and explained independence from the social work team",
                            "Checked the parents have read and understood every report",
                            "Explained who will attend and why",
                            "Explained the structure of the meeting and how the decision is made",
                            "Explained the possible outcomes honestly",
                            "Agreed how the parents' views will be heard",
                            "Discussed any request for exclusion and recorded the decision",
                            "Review conferences: asked what has changed and the parents' scale score",
                        ],
                        3,
                    ),
                },
            },
            {
                "heading": "People attending with the parents",
                "paragraphs": [
                    (
                        "If a parent arrives with a supporter not known to the service, check privately with the "
                        "parent whether they want that person present, and explain that the supporter must keep what "
                        "they hear confidential."
                    ),
                    (
                        "The chair may ask a supporter to leave for part of the meeting if their presence would stop "
                        "an open discussion of the risks to the child. Record the reason."
                    ),
                ],
            },
            {
                "heading": "After the conference",
                "paragraphs": [
                    (
                        "Check that the parents know what happens next, when they will receive the plan and the date "
                        "of the first core group. Ask how the meeting felt and note anything to do differently next "
                        "time."
                    ),
                ],
            },
        ],
    },
    "rcpc-chair-checklist.docx": {
        "title": "Review Conference Chair's Checklist",
        "sections": [
            {
                "heading": "Reading before the conference",
                "paragraphs": [],
                "table": {
                    "columns": _CHECK_COLUMNS,
                    "rows": labelled_rows(
                        [
                            "Previous conference record and plan read",
                            "Every core group record since the last conference read",
                            "Missed or cancelled core groups noted",
                            "Social work report received on time and shared with the family",
                            "Agency reports received; late reports noted for follow-up",
                            "Any change in who lives in or visits the household identified",
                            "Evidence of progress noted against each safety goal",
                        ],
                        3,
                    ),
                },
            },
            {
                "heading": "Testing progress in the conference",
                "paragraphs": [
                    "What have you seen that tells you the child is safer?",
                    "Which danger statements still apply, and are they still worded correctly?",
                    "What has the child said about what has changed?",
                    (
                        "Stuck-score prompt: if professionals' scores have moved by no more than one point across "
                        "two reviews, ask the conference to name what is blocking progress before agreeing any new "
                        "actions."
                    ),
                ],
            },
            {
                "heading": "Decision and next steps",
                "paragraphs": [],
                "table": {
                    "columns": _CHECK_COLUMNS,
                    "rows": labelled_rows(
                        [
                            "Decision stated clearly and reasons recorded",
                            "If the plan continues: what must change before the next review",
                            "If the plan ends: child in need plan drafted and first meeting booked",
                            "If the plan is drifting: legal planning or service manager alert considered",
                        ],
                        3,
                    ),
                },
            },
        ],
    },
    "s47-decision-making-audit-tool.docx": {
        "title": "Section 47 Decision-making Audit Tool",
        "sections": [
            {
                "heading": "Audit details",
                "paragraphs": [],
                "table": {
                    "columns": ["Detail", "Entry"],
                    "rows": labelled_rows(
                        [
                            "Auditor (role)",
                            "Date of audit",
                            "Record reference (from the case management system)",
                            "Team",
                            "Date of strategy discussion",
                            "Date enquiry concluded",
                        ],
                        2,
                    ),
                },
            },
            {
                "heading": "Questions",
                "paragraphs": [
                    "Rate each question good, adequate, requires improvement or inadequate, and give the evidence.",
                ],
                "table": {
                    "columns": ["Question", "Rating", "Evidence"],
                    "rows": labelled_rows(
                        [
                            "1. Did the strategy discussion include police, health and the local authority?",
                            "2. Were the reasons for starting the enquiry recorded?",
                            "3. Was the child seen alone, by whom and how soon?",
                            "4. Were siblings and other children in the household considered?",
                            "5. Were both parents' views sought, including a parent living elsewhere?",
                            "6. Were agency checks completed and their information used?",
                            "7. Does the outcome follow from the evidence?",
                            "8. Did a manager sign off the outcome with a recorded rationale?",
                            "9. Were the family and the referrer told the outcome?",
                        ],
                        3,
                    ),
                },
            },
            {
                "heading": "Overall judgement and learning",
                "paragraphs": [
                    "Overall grade and the reason for it.",
                    (
                        "Auditor's one-line test: could a stranger follow the reasoning from the first worry to the "
                        "outcome? Explain your answer."
                    ),
                    "Actions for the child (complete these first).",
                    "Learning for the practitioner and the team.",
                    "Practitioner's reflection after the audit conversation.",
                ],
            },
        ],
    },
    "multi-agency-cp-plan-audit-tool.pdf": {
        "title": "Multi-agency Audit Tool: Child Protection Plans",
        "sections": [
            {
                "heading": "Part A: the plan",
                "paragraphs": ["Grade each question 1 to 4 and note the evidence."],
                "table": {
                    "columns": ["Question", "Grade", "Evidence"],
                    "rows": labelled_rows(
                        [
                            "A1 Are the danger statements specific and about the child?",
                            "A2 Does each danger statement have a matching safety goal?",
                            "A3 Is the plan written in words the family understands?",
                            "A4 Does every action have an owner and a date?",
                        ],
                        3,
                    ),
                },
            },
            {
                "heading": "Part B: delivery",
                "paragraphs": [],
                "table": {
                    "columns": ["Question", "Grade", "Evidence"],
                    "rows": labelled_rows(
                        [
                            "B1 Did the first core group meet within ten working days?",
                            "B2 Have core groups met at the agreed frequency, with each agency present or reporting?",
                            "B3 Has each agency delivered its actions?",
                        ],
                        3,
                    ),
                },
            },
            {
                "heading": "Part C: the child and impact",
                "paragraphs": [],
                "table": {
                    "columns": ["Question", "Grade", "Evidence"],
                    "rows": labelled_rows(
                        [
                            "C1 Has the child been seen and heard throughout the plan?",
                            "C2 Has anything in the plan changed because of what the child said?",
                            "C3 Is there evidence that the child is safer than at the start?",
                        ],
                        3,
                    ),
                },
            },
            {
                "heading": "Grading descriptors and calibration",
                "paragraphs": [
                    "Grade 1, outstanding: clear evidence from more than one agency that the child's life is better.",
                    "Grade 2, good: the plan is well designed and delivered, and improvement is emerging.",
                    "Grade 3, requires improvement: gaps in design or delivery that affect the child.",
                    "Grade 4, inadequate: the plan is not protecting the child.",
                    (
                        "Before grading, auditors complete a calibration round on one plan together so that the "
                        "descriptors are applied consistently across agencies."
                    ),
                ],
            },
        ],
    },
}
