"""Words around a finding that say whose it is.

Public-place words ("library", "venue", "MASH", "council") may make a postcode or a phone
number an office's, so detectors warn instead of blocking. A word that ties the value to a
person or a home ("mum's mobile", "family home", "(maternal aunt)") outweighs them: a home
postcode or a mother's mobile stays a must-remove finding whatever sits beside it.
"""

import re

_PERSONAL = (
    r"(?:mum|mom|mother|dad|father|parents?|step-?(?:mum|dad|mother|father|parent)|carers?"
    r"|grand(?:mother|father|parents?|ma|pa|mum|dad)|nan|nanny|aunt(?:ie)?|uncle|cousin|siblings?|brother|sister"
    r"|son|daughter|child's|children's home|baby's|young person's"
    r"|famil(?:y|ies)(?!\s+(?:hubs?|cent(?:re|er)s?|court|support|group|services?|justice|network meeting))|family's"
    r"|home(?!\s+office)|lives|living at|lived at|resides?|residing|moved to|foster(?:ed| carers?| placement)?|kinship"
    r"|partner's|boyfriend|girlfriend|neighbour|relatives?|guardian|tenant"
    r"|(?:her|his|their)\s(?:own\s)?(?:mobile|phone|number|address|flat))"
)
PERSONAL_CUE = re.compile(rf"(?i)\b{_PERSONAL}\b")
# After a value only a bracketed label counts ("… (father)"), not the next clause's words.
_PERSONAL_LABEL_AFTER = re.compile(rf"(?i)^\s{{0,2}}[(\[]\s{{0,2}}(?:[\w'-]+\s){{0,2}}{_PERSONAL}\b")


def personal_cue_near(text: str, start: int, end: int, before_from: int | None = None, width: int = 50) -> bool:
    """Whether a word tying the value to a person or a home sits just before it, or labels it just after.

    ``before_from`` stops the window at an earlier value's end, so "switchboard 020 …, mum's
    mobile 07…" ties only the mobile to the mother.
    """
    lower = max(start - width, before_from or 0)
    return bool(PERSONAL_CUE.search(text[lower:start]) or _PERSONAL_LABEL_AFTER.match(text[end : end + 40]))
