"""Masking of detected values, so a report can say what was found without repeating it.

Every masked string hides at least two thirds of the value's letters and digits, and
always at least one, so the full original value never appears in a report or a log.
Separators (spaces, dashes, slashes, dots) are kept: they show the shape of the value,
which is what an editor needs to find it in their document.
"""

MASK_CHAR = "*"


def mask(value: str, keep: int = 3) -> str:
    """Keep at most ``keep`` leading letters or digits of ``value``, star out the rest.

    Fewer than ``keep`` are kept for short values (a third of the letters and digits at
    most), so "N1 9GU" becomes "N* ***" while "999 123 4567" becomes "999 *** ****".
    """
    value = " ".join(value.split())  # a value split over lines is shown on one, so messages stay one line each
    alnum = sum(ch.isalnum() for ch in value)
    if not alnum:
        return MASK_CHAR * len(value)
    shown = min(keep, alnum // 3)
    out = []
    for ch in value:
        if ch.isalnum():
            out.append(ch if shown > 0 else MASK_CHAR)
            shown -= 1
        else:
            out.append(ch)
    return "".join(out)


def mask_email(value: str) -> str:
    """Star out the mailbox but keep the domain: the domain is why it was flagged."""
    local, _, domain = value.rpartition("@")
    return f"{mask(local, keep=1)}@{domain}"
