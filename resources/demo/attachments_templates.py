"""Text of the demo templates: records and plans that practitioners fill in.

Word documents, because they are edited rather than printed. One of the
modules that ``attachments.py`` combines; split by purpose so that none
grows past the house limit of about 400 lines. All text is invented and
refers to roles, never to people.
"""

from __future__ import annotations

from .tables import blank_rows, labelled_rows

TEMPLATE_ATTACHMENTS: dict[str, dict] = {
    "strategy-meeting-record-template.docx": {
        "title": "Strategy Meeting Record",
        "sections": [
            {
                "heading": "Meeting details",
                "paragraphs": [
                    (
                        "Complete this record during the discussion, not afterwards. Identify the child by the "
                        "record reference only; this document refers to the child and the family so that it can be "
                        "shared safely."
                    ),
                ],
                "table": {
                    "columns": ["Detail", "Entry"],
                    "rows": labelled_rows(
                        [
                            "Date and time (starts the conference timescale)",
                            "Format: in person, video or telephone",
                            "Chair and role",
                            "Reason for the discussion",
                            "Record reference (from the case management system)",
                        ],
                        2,
                    ),
                },
            },
            {
                "heading": "Attendance and information shared",
                "paragraphs": [
                    (
                        "Record every agency asked to take part, including any that could not attend. Write 'no "
                        "information held' rather than leaving a box empty."
                    ),
                    (
                        "Absent agency follow-up: where an agency could not take part, name who will contact it, "
                        "what it will be asked and by when, and add its information to this record as a dated "
                        "addendum."
                    ),
                ],
                "table": {
                    "columns": ["Agency", "Role of attendee", "Information shared"],
                    "rows": labelled_rows(
                        [
                            "Children's social care",
                            "Police",
                            "Health",
                            "Education or early years",
                            "Other",
                        ],
                        3,
                    ),
                },
            },
            {
                "heading": "Analysis and decision",
                "paragraphs": [
                    (
                        "Record the group's thinking, not only its conclusion. Keep harm that has happened apart "
                        "from what the group fears could happen, and name any existing safety and who provides it."
                    ),
                ],
                "table": {
                    "columns": ["Prompt", "Record"],
                    "rows": labelled_rows(
                        [
                            "What are we worried about?",
                            "What is working well?",
                            "Safety scale score from each agency, with reasons",
                            "Decision: single-agency enquiry, joint enquiry with police, or no enquiry and why",
                            "Threshold applied, and reasons",
                            "Any dissent, and how it was resolved or escalated",
                        ],
                        2,
                    ),
                },
            },
            {
                "heading": "Plan for the enquiry",
                "paragraphs": [
                    (
                        "Agree each task with an owner and a date before the discussion closes. Circulate this "
                        "record to everyone who took part, and note the date it was sent."
                    ),
                ],
                "table": {
                    "columns": ["Task", "Owner", "By when"],
                    "rows": labelled_rows(
                        [
                            "See and speak to the child, alone where appropriate",
                            "Tell the parents about the enquiry, unless this would put the child at risk",
                            "Medical assessment, if needed",
                            "Checks with other agencies",
                        ],
                        3,
                    )
                    + blank_rows(3, 2),
                },
            },
        ],
    },
    "core-group-agenda-template.docx": {
        "title": "Core Group Agenda and Record",
        "sections": [
            {
                "heading": "Meeting details",
                "paragraphs": [],
                "table": {
                    "columns": ["Detail", "Entry"],
                    "rows": labelled_rows(
                        [
                            "Date, and venue or link",
                            "Chair (role)",
                            "Present (roles, and the parents)",
                            "Apologies and written contributions received",
                            "Date of the last conference",
                            "Date of the next review conference",
                        ],
                        2,
                    ),
                },
            },
            {
                "heading": "Agenda",
                "paragraphs": [
                    "1. The child: how are they, and what have they said since the last meeting?",
                    (
                        "2. Each safety goal in turn: what has happened, what is working well, what still worries "
                        "us, and everyone's scale score with reasons."
                    ),
                    "3. Actions from the last meeting: done, not done, and why.",
                    "4. New actions, and anything to escalate before the review conference.",
                    "5. Date of the next meeting.",
                ],
            },
            {
                "heading": "Safety goals",
                "paragraphs": [],
                "table": {
                    "columns": [
                        "Safety goal",
                        "Since the last meeting",
                        "Scale scores and reasons",
                        "Next steps",
                    ],
                    "rows": labelled_rows(["Goal 1", "Goal 2", "Goal 3"], 4),
                },
            },
            {
                "heading": "Actions and between-meeting contact log",
                "paragraphs": [
                    (
                        "Between-meeting contact log: each member notes any significant event or contact with the "
                        "family between meetings, so that the group starts the next meeting with the full picture."
                    ),
                ],
                "table": {
                    "columns": ["Action or event", "Who", "By when or date", "Done?"],
                    "rows": blank_rows(4, 6),
                },
            },
        ],
    },
    "safety-network-meeting-agenda.docx": {
        "title": "Safety Network Meeting Agenda",
        "sections": [
            {
                "heading": "Before the meeting",
                "paragraphs": [
                    (
                        "Each network member has been told about the worries by the parents, with the social worker "
                        "present."
                    ),
                    "Members have seen the harm and danger statements and the words and pictures explanation.",
                    "The time and place suit members who work; an interpreter and childcare are arranged if needed.",
                ],
            },
            {
                "heading": "Agenda",
                "paragraphs": [
                    "1. Welcome and why we are here (the parents lead if they can).",
                    "2. What is going well.",
                    "3. The worries: the danger statements read aloud.",
                    "4. For each worry: what the network will do.",
                    "5. Empty-chair question: who is missing from this meeting who should know about the worries?",
                    "6. How the children will know about the plan.",
                    "7. Date of the next meeting.",
                ],
            },
            {
                "heading": "Network roles",
                "paragraphs": [
                    "Describe each member by their relationship to the child, not by name.",
                ],
                "table": {
                    "columns": [
                        "Network member",
                        "Role in the plan",
                        "When",
                        "What they do if worried",
                    ],
                    "rows": blank_rows(4, 6),
                },
            },
        ],
    },
    "step-down-transition-plan-template.docx": {
        "title": "Step-down Transition Plan",
        "sections": [
            {
                "heading": "Summary of the decision",
                "paragraphs": [],
                "table": {
                    "columns": ["Detail", "Entry"],
                    "rows": labelled_rows(
                        [
                            "Date of the review conference that ended the plan",
                            "Safety goals met, and for how long",
                            "The child's view of the plan ending",
                            "The family's view",
                        ],
                        2,
                    ),
                },
            },
            {
                "heading": "Who does what after the plan",
                "paragraphs": [],
                "table": {
                    "columns": [
                        "Agency or network member",
                        "What continues",
                        "How often",
                        "Until when",
                    ],
                    "rows": blank_rows(4, 6),
                },
            },
            {
                "heading": "Child in need plan",
                "paragraphs": [
                    "Lead worker (role and team).",
                    "Date of the first child in need meeting, set at the conference.",
                    "Date the child in need plan will be reviewed.",
                ],
            },
            {
                "heading": "Re-entry triggers",
                "paragraphs": [
                    (
                        "List the events that would mean any agency should contact the lead worker the same day and "
                        "ask for a new strategy discussion. Write them as things someone could see, not general "
                        "worries. For example:"
                    ),
                    "A return of the pattern described in any danger statement.",
                    "The network reports that the family safety plan is no longer being followed.",
                    "A new adult joins the household.",
                    "The family moves, or stops taking part in the child in need plan.",
                ],
            },
        ],
    },
}
