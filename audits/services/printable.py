"""A tool as a printable resource, for boroughs that audit on paper: a draft Audit tool resource under
a publisher, one table per section (code, question, answers, a column to write in). A coordinator
checks it in the editor and publishes it like any resource (the guard reads it then); the resource
page's Print button and A4 print styles do the rest.
"""

from html import escape

from django.utils.text import slugify

from audits.enums import QuestionKind
from audits.models import AuditTool
from audits.models.tools import question_options
from resources.enums import ResourceType
from resources.models import Audience, BoroughPage, ResourcePage

PAPER_NOTE = (
    "One copy per audited case. Never write a name, case number, date of birth or address on it: "
    "keep your own list of which case is which. The exchange numbers each return when it is entered."
)


def _answers(question, audiences: list[list[str]]) -> str:
    if question.kind == QuestionKind.NUMBER:
        return f"A number ({question.unit})" if question.unit else "A number"
    if question.kind == QuestionKind.TEXT:
        return "Free text (no names or details of the family)"
    labels = " / ".join(label for _, label in question_options(question, audiences))
    return f"Tick any: {labels}" if question.kind == QuestionKind.CHOICES else f"Tick one: {labels}"


def printable_body(tool: AuditTool) -> list[tuple[str, object]]:
    audiences = [[a.slug, a.name] for a in Audience.objects.order_by("sort_order", "name")]
    body: list[tuple[str, object]] = []
    if tool.intro:
        body.append(("paragraph", f"<p>{escape(tool.intro)}</p>"))
    body.append(("paragraph", f"<p>{escape(PAPER_NOTE)}</p>"))
    sections: dict[str, list[list[str]]] = {}
    for question in tool.questions.select_related("scale").order_by("sort_order", "pk"):
        text = question.text + (f" ({question.guidance})" if question.guidance else "")
        sections.setdefault(question.section, []).append([question.code, text, _answers(question, audiences), ""])
    for section, rows in sections.items():
        body.append(("heading", section))
        body.append(
            (
                "table",
                {
                    "data": [["Code", "Question", "Answers", "Notes"], *rows],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": f"{tool.title}: {section}",
                },
            )
        )
    return body


def make_printable(tool: AuditTool, publisher: BoroughPage, user=None) -> ResourcePage:
    """The tool's printable resource under ``publisher``: made as a draft, or given a new draft revision."""
    source_id = f"audit-tool-{tool.slug}"[:100]
    page = ResourcePage.objects.filter(borough=publisher, source_id=source_id).first()
    summary = f"{tool.title}, to print and fill in by hand: one copy per audited case."
    if page is None:
        page = ResourcePage(
            title=tool.title,
            slug=slugify(f"{tool.slug}-printable")[:255],
            summary=summary,
            resource_type=ResourceType.AUDIT_TOOL,
            source_id=source_id,
            live=False,
            owner=user,
        )
        page.body = printable_body(tool)
        publisher.add_child(instance=page)
    else:
        page = page.get_latest_revision_as_object()
        page.body = printable_body(tool)
    page.save_revision(user=user)
    return page
