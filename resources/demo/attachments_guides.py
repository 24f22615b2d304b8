"""Text of the demo guides, prompt sheets and briefings.

PDFs, because practitioners print and read these rather than fill them in.
One of the modules that ``attachments.py`` combines. All text is invented;
it describes practice in general and holds no details of any child, family
or member of staff.
"""

from __future__ import annotations

GUIDE_ATTACHMENTS: dict[str, dict] = {
    "three-houses-practitioner-guide.pdf": {
        "title": "Three Houses: Practitioner Guide",
        "sections": [
            {
                "heading": "Materials and setting",
                "paragraphs": [
                    (
                        "Bring plain paper, coloured pens and, for younger children, a sheet with three house "
                        "outlines already drawn. Some children like to cut out and stick pictures; bring a few "
                        "magazines if the setting allows."
                    ),
                    (
                        "Choose a room where the child will not be overheard and where a familiar adult is nearby. "
                        "Allow forty minutes, and be ready to stop sooner if the child tires."
                    ),
                ],
            },
            {
                "heading": "Prompts for each house",
                "paragraphs": [
                    (
                        "House of good things: What do you like doing at home? Who makes you feel happy? What is the "
                        "best thing that happened this week?"
                    ),
                    (
                        "House of worries: Is there anything that happens at home that you do not like? What happens "
                        "when the grown-ups get cross? Who do you tell when something is wrong?"
                    ),
                    (
                        "House of dreams: The magic wand question works well here: if you had a magic wand and could "
                        "change one thing at home, what would it be? Ask what the house of dreams would look like on "
                        "an ordinary school day."
                    ),
                ],
            },
            {
                "heading": "Adapting the tool",
                "paragraphs": [
                    (
                        "Under-fives: use picture cards and faces, keep each house to a few minutes, and record what "
                        "the child shows as well as what they say."
                    ),
                    (
                        "Disabled children: ask someone who knows the child's communication well to help you "
                        "prepare, and use the child's own symbols or signs."
                    ),
                    (
                        "Teenagers: drop the drawings if they feel childish and ask the same three questions as a "
                        "conversation, perhaps while walking or travelling."
                    ),
                    (
                        "Children who speak another language at home: use a professional interpreter, never a family "
                        "member, and check the words for worries and dreams in advance."
                    ),
                ],
            },
            {
                "heading": "After the session",
                "paragraphs": [
                    (
                        "Write up the session the same day, using the child's exact words. Photograph or scan the "
                        "houses and upload them to the child's record. Note anything the child asked you not to "
                        "share, and what you agreed."
                    ),
                    (
                        "Plan when you will repeat the houses, usually before each review conference, so that change "
                        "is seen through the child's eyes."
                    ),
                ],
            },
        ],
    },
    "harm-and-danger-statement-examples.pdf": {
        "title": "Harm and Danger Statements: Worked Examples",
        "sections": [
            {
                "heading": "The parts of a good statement",
                "paragraphs": [
                    (
                        "A harm statement says who did what, when or how often, and the impact on the child. It "
                        "describes events, not character."
                    ),
                    (
                        "A danger statement says who is worried, what behaviour they are worried about, in what "
                        "circumstances, and what could happen to the child as a result."
                    ),
                ],
            },
            {
                "heading": "Common mistakes, with rewrites",
                "paragraphs": [
                    (
                        "Describing the parent, not the child. Before: 'Father has anger management issues.' After: "
                        "'When the father is angry he throws things and shouts, and the children have been hit by "
                        "objects twice this year.'"
                    ),
                    (
                        "A label instead of behaviour. Before: 'Neglect.' After: 'The children often go without "
                        "breakfast and come to school in clothes that are wet or dirty, and the younger child has "
                        "missed two hearing appointments.'"
                    ),
                    (
                        "Danger written as harm in the future tense. Before: 'Children will be exposed to domestic "
                        "abuse.' After: 'Professionals are worried that if the father returns to the home while he "
                        "is still drinking, he will hurt the mother again, and the children will be frightened, may "
                        "try to intervene and could be injured.'"
                    ),
                    "All of these examples are invented for teaching and describe no real family.",
                ],
            },
            {
                "heading": "Checks before you share a statement",
                "paragraphs": [
                    (
                        "Read the statement as if it were overheard on a bus by a stranger: would they know what "
                        "happened to the child, or only that professionals are worried?"
                    ),
                    "Could the parents say what they agree with and what they do not?",
                    "Does each danger statement have a matching safety goal in the plan?",
                ],
            },
        ],
    },
    "risk-analysis-conference-report-prompts.pdf": {
        "title": "Risk Analysis for Conference: Prompt Sheet",
        "sections": [
            {
                "heading": "Before you write",
                "paragraphs": [
                    (
                        "Reread the strategy discussion record and the enquiry plan. List the questions the enquiry "
                        "set out to answer, and note the answer you have reached to each."
                    ),
                    "Ask yourself: if the conference only read one page of my report, which page should it be?",
                ],
            },
            {
                "heading": "Prompts for the analysis section",
                "paragraphs": [
                    "Harm: what has happened to the child, how do we know, and how serious was it?",
                    "Danger: what are we worried will happen if nothing changes, and how likely is it?",
                    "Existing safety: what protective action has been shown, by whom, and for how long?",
                    "Complicating factors: what makes this harder to change?",
                    (
                        "The so-what test: after each paragraph of evidence, ask 'so what does this mean for the "
                        "child?' and write the answer down."
                    ),
                ],
            },
            {
                "heading": "Prompts for the recommendation",
                "paragraphs": [
                    (
                        "State whether you recommend a child protection plan and under which category. Give the "
                        "outline of the plan: the danger statements, the safety goals and the first steps. If you "
                        "recommend no plan, say what keeps the child safe and who will sustain it."
                    ),
                ],
            },
            {
                "heading": "Manager's sign-off questions",
                "paragraphs": [
                    (
                        "Does the recommendation follow from the analysis? Are the child's words in the report? Has "
                        "the report been shared with the parents in time? Is there a safety scale score with "
                        "reasons?"
                    ),
                ],
            },
        ],
    },
    "pre-birth-conference-timeline.pdf": {
        "title": "Pre-birth Conference Timeline",
        "sections": [
            {
                "heading": "Recommended timeline",
                "paragraphs": [
                    "The weeks below are weeks of pregnancy. They are the latest points; earlier is better.",
                ],
                "table": {
                    "columns": ["By week", "What should happen"],
                    "rows": [
                        ["16", "Concern identified at antenatal booking; referral made to children's social care."],
                        ["20", "Strategy discussion held; decision on a pre-birth assessment."],
                        [
                            "20 to 28",
                            "Assessment with both parents and the wider family; first family network meeting.",
                        ],
                        ["32", "Pre-birth initial child protection conference."],
                        [
                            "34",
                            (
                                "Birth and discharge plan agreed and shared with the maternity unit; legal planning "
                                "meeting if needed."
                            ),
                        ],
                        [
                            "36",
                            (
                                "Birth plan handover call from the social worker to the maternity safeguarding team, "
                                "confirming the plan is on the maternity record."
                            ),
                        ],
                    ],
                },
            },
            {
                "heading": "When to move faster",
                "paragraphs": [
                    (
                        "Bring every step forward where the pregnancy is a multiple pregnancy, where there is a "
                        "history of preterm birth, where antenatal booking was late, or where a previous child was "
                        "removed at birth."
                    ),
                ],
            },
            {
                "heading": "Who holds what",
                "paragraphs": [
                    (
                        "The social worker holds the plan and the timeline. The specialist midwife makes sure the "
                        "plan is on the maternity record and visible out of hours. The health visitor receives the "
                        "plan before the birth. The conference chair checks at conference that every date is still "
                        "achievable."
                    ),
                ],
            },
        ],
    },
    "learning-together-themed-review-briefing.pdf": {
        "title": "Themed Review of Strategy Discussions: Briefing",
        "sections": [
            {
                "heading": "The method in brief",
                "paragraphs": [
                    (
                        "The review used the SCIE Learning Together systems model. A review team of senior managers "
                        "from social care, police and health worked with a case group of frontline practitioners. "
                        "Structured conversations with each case group member built up a picture of how strategy "
                        "discussions are arranged, held and recorded. An audit of strategy discussion records ran "
                        "alongside the conversations."
                    ),
                    (
                        "The model asks reviewers to guard against hindsight and outcome bias: judging decisions by "
                        "what is known now, or by how things turned out, rather than by what was known and "
                        "reasonable at the time."
                    ),
                ],
            },
            {
                "heading": "Key practice episodes",
                "paragraphs": [
                    (
                        "Requesting the discussion. Deciding who takes part. Sharing health information. Deciding "
                        "whether to begin a section 47 enquiry. Recording and circulating the outcome."
                    ),
                ],
            },
            {
                "heading": "Underlying patterns, in priority order",
                "paragraphs": [
                    "1. Health participation rests on individual goodwill rather than a designed system.",
                    "2. Templates and habits reward information sharing more than analysis.",
                    "3. Outcomes are not routinely fed back, so the system does not learn from its own decisions.",
                    (
                        "Each pattern is described with the contributory factors behind it and the evidence from the "
                        "audit."
                    ),
                ],
            },
            {
                "heading": "Running your own themed review",
                "paragraphs": [
                    (
                        "Allow four to six months. Recruit the case group early and protect their time. Agree with "
                        "partners at the outset that the aim is to understand the system, not to apportion blame."
                    ),
                ],
            },
        ],
    },
    "sos-mapping-training-notes.pdf": {
        "title": "Mapping with Families: Trainer's Notes",
        "sections": [
            {
                "heading": "Timings",
                "paragraphs": [],
                "table": {
                    "columns": ["Time", "Activity"],
                    "rows": [
                        ["0:00", "Welcome; what participants want from the session"],
                        ["0:15", "Why mapping: making thinking visible"],
                        ["0:45", "The three columns and the safety scale"],
                        ["1:15", "Break"],
                        ["1:30", "Harm, danger and complicating factors; safety and strengths"],
                        ["2:00", "Practice exercise in groups of four"],
                        ["3:00", "Fishbowl debrief and close"],
                    ],
                },
            },
            {
                "heading": "Slide notes: key messages",
                "paragraphs": [
                    "Slide 3: a map is built in the room, with the family, on paper everyone can see.",
                    "Slide 6: harm is the past, danger is the future; do not let one stand in for the other.",
                    (
                        "Slide 9: safety is protection shown over time; love and good intentions are strengths, not "
                        "safety."
                    ),
                ],
            },
            {
                "heading": "The practice exercise",
                "paragraphs": [
                    (
                        "Use the fictional scenario card: a household of a mother, her partner and two children, "
                        "where the school has noticed the older child arriving hungry and the health visitor has "
                        "missed several appointments. The card gives enough detail to map but leaves gaps "
                        "deliberately, so that groups practise recording what they do not know."
                    ),
                    (
                        "After each round, run a fishbowl debrief: the observers sit in an inner circle and describe "
                        "what they saw while the role players listen without replying."
                    ),
                ],
            },
        ],
    },
    "neglect-research-briefing.pdf": {
        "title": "Neglect: Research Briefing and Practice Prompts",
        "sections": [
            {
                "heading": "Key findings in brief",
                "paragraphs": [
                    (
                        "Neglect is persistent, cumulative and often starts early. Its effects on development can be "
                        "as serious as other forms of abuse. Improvement that does not last is common, and repeated "
                        "plans are a warning sign rather than a reassurance."
                    ),
                ],
            },
            {
                "heading": "Practice prompts by age",
                "paragraphs": [
                    "Babies: growth, feeding, responsiveness, safe sleep and attendance at health checks.",
                    (
                        "Primary age: ask about the child's day in three checkpoints, waking, eating, sleeping, and "
                        "compare what the child says with what adults say."
                    ),
                    (
                        "Adolescents: attendance, going missing, who they rely on, and whether anyone notices when "
                        "they are unwell."
                    ),
                ],
            },
            {
                "heading": "Questions for supervision",
                "paragraphs": [
                    (
                        "What would a new worker reading this record be worried about? What has changed for the "
                        "child since the last plan ended? Whose needs have taken up most of our time: the parent's "
                        "or the child's?"
                    ),
                ],
            },
            {
                "heading": "Further reading",
                "paragraphs": [
                    (
                        "Working Together to Safeguard Children (2023); the national Child Safeguarding Practice "
                        "Review Panel's reviews and annual reports; the partnership's neglect strategy and threshold "
                        "document."
                    ),
                ],
            },
        ],
    },
}
