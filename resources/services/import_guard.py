"""The personal-data guard applied to a bulk-import row before anything is written.

A high-confidence finding (an NHS number, a date of birth, a case reference …) makes the
row invalid, like any other problem; a low-confidence one is reported as a warning. Only
masked text is ever printed.
"""

from pathlib import Path

from resources.guard import HIGH, scan
from resources.services.extraction import extract_text


def guard_row(fields: dict[str, str], tags: list[str], attachments: list[Path]) -> tuple[list[str], list[str]]:
    """(problems, warnings) for one row: each names the field, the kind of finding and the masked text."""
    texts = [(name, value) for name, value in fields.items() if value]
    texts += [("tags", tag) for tag in tags]
    for path in attachments:
        with path.open("rb") as handle:
            texts.append((f"attachments: '{path.name}'", extract_text(handle, path.suffix.lower().lstrip(".")).text))
    problems: list[str] = []
    warnings: list[str] = []
    for name, text in texts:
        for finding in scan(text):
            message = f"{name}: looks like personal data ({finding.kind}: {finding.masked})"
            if finding.confidence == HIGH:
                problems.append(f"{message}; remove it before importing")
            else:
                warnings.append(f"{message}; check it is not about a child or family")
    return problems, warnings
