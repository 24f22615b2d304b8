"""Word field codes that act when a document opens: DDE starts programs, INCLUDETEXT, INCLUDEPICTURE
and LINK bring in content from other files or sites (and tell that site who opened it).

A field's code may be split over many runs (``<w:instrText>INCLU</w:instrText>…DETEXT``) and may
begin with another field whose result spells the keyword (``{ {QUOTE 68 68 69} … }``), so the
codes are put back together as Word reads them, streaming through the part with a bounded parser.
A field whose first word comes from a nested field is refused: it cannot be read without running it.
"""

import zipfile

from lxml import etree

from uploads.refusals import UploadRefused

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PROGRAM_FIELDS = {"DDE", "DDEAUTO"}
_EXTERNAL_FIELDS = {"INCLUDETEXT", "INCLUDEPICTURE", "INCLUDE", "LINK", "IMPORT"}
EXTERNAL_FIELD_REASON = (
    "it has fields that bring in content from other files or sites when opened "
    "(INCLUDETEXT, INCLUDEPICTURE, LINK); paste the content itself and upload it again"
)


class _Field:
    def __init__(self) -> None:
        self.code = ""
        self.in_code = True
        self.starts_with_field = False


def check_word_fields(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Refuse a part whose fields start programs or fetch content, or hide their keyword."""
    stack: list[_Field] = []
    damaged = False
    with archive.open(member) as part:
        events = etree.iterparse(
            part, events=("start", "end"), resolve_entities=False, no_network=True, huge_tree=False, recover=False
        )
        try:
            for event, element in events:
                _step(event, element, stack)
                if event == "end" and element.tag != f"{W}instrText":
                    _forget(element)
        except etree.XMLSyntaxError:
            damaged = True
        else:
            return
    # Word repairs some damaged parts as it opens them; one with field codes in it is not checked by guessing.
    if damaged and _mentions_fields(archive, member):
        raise UploadRefused("damaged", "it is a damaged Word document whose fields cannot be checked")


def _mentions_fields(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    tail = b""
    with archive.open(member) as part:
        for chunk in iter(lambda: part.read(1024 * 1024), b""):
            window = tail + chunk
            if b"instrText" in window or b"fldSimple" in window or b"fldChar" in window:
                return True
            tail = window[-16:]
    return False


def _step(event: str, element: etree._Element, stack: list[_Field]) -> None:
    if event == "start" and element.tag == f"{W}fldChar":
        kind = element.get(f"{W}fldCharType")
        if kind == "begin":
            if stack and stack[-1].in_code and not stack[-1].code.strip():
                stack[-1].starts_with_field = True
            stack.append(_Field())
        elif kind == "separate" and stack:
            stack[-1].in_code = False
            _judge(stack[-1])
        elif kind == "end" and stack:
            field = stack.pop()
            if field.in_code:
                _judge(field)
    elif event == "end" and element.tag == f"{W}instrText":
        if stack and stack[-1].in_code:
            stack[-1].code += element.text or ""
        _forget(element)
    elif event == "start" and element.tag == f"{W}fldSimple":
        field = _Field()
        field.code = element.get(f"{W}instr") or ""
        _judge(field)


def _judge(field: _Field) -> None:
    words = field.code.replace('"', " ").split()
    keyword = words[0].upper().lstrip("\\") if words else ""
    if keyword in _PROGRAM_FIELDS:
        raise UploadRefused("dde", "it contains DDE fields, which can start programs when opened")
    if keyword in _EXTERNAL_FIELDS:
        raise UploadRefused("external-field", EXTERNAL_FIELD_REASON)
    if field.starts_with_field:
        raise UploadRefused(
            "dde",
            "it has a field whose instruction is built by another field, which cannot be checked without running it",
        )


def _forget(element: etree._Element) -> None:
    """Keep memory flat on a large part: drop what has been read."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]
