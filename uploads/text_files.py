"""Plain text uploads (.txt, .csv): read in the encodings spreadsheets save, and made safe to open.

Encodings: Excel's "CSV" on Windows saves Windows-1252 and "Unicode text" saves UTF-16, so both
are accepted and stored as UTF-8 rather than refused (a refusal would send most borough leads back
to a Save As dialog they do not know). UTF-16 needs its byte-order mark: without one it cannot be
told from binary data, and the refusal says how to save the file instead.

Formulas: a spreadsheet runs a cell starting ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return). Cells are found with the file's own separator (comma, semicolon or tab; a ``sep=`` first
line wins, as in Excel) and made text with a leading apostrophe; numbers ("-5", "+44") and a lone
"-" stay as they are. A text file counts as a table when its lines are tab-separated; prose is
left alone. A formula that fetches or runs something (HYPERLINK, WEBSERVICE, DDE "cmd|...") still
found at any separator afterwards (a semicolon inside a comma file, which a spreadsheet set to
another locale splits) is refused rather than guessed at.
"""

import codecs
import csv
import io
import re

from uploads.refusals import UploadRefused

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(?:\d[\d,]*)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?$")
# Functions that fetch a web address, load data or start a program (Excel and Google Sheets).
ACTIVE_FUNCTIONS = (
    r"HYPERLINK|WEBSERVICE|FILTERXML|IMPORTXML|IMPORTDATA|IMPORTHTML|IMPORTFEED|IMPORTRANGE|IMAGE"
    r"|CALL|REGISTER(?:\.ID)?|EXEC|RTD|DDE(?:AUTO)?"
)
ACTIVE_FORMULA = re.compile(
    rf"(?:(?:_xlfn\.)?(?:{ACTIVE_FUNCTIONS})\s*\(|[A-Za-z][\w.]*\s*\|\s*['\"]?[^!\n]*!)", re.IGNORECASE
)
# A formula start at the beginning of a line or after any separator (quotes and spaces allowed).
_ANY_CELL_FORMULA = re.compile(r"(?:^|[,;\t])[ \"]*[=+\-@][^,;\t\n]*", re.MULTILINE)
_SEPARATORS = ",;\t"
_UTF8_BOM = codecs.BOM_UTF8
_SAVE_AS = "save it as UTF-8 text (in Excel: Save As, then 'CSV UTF-8') and upload it again"


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of an upload and the encoding it was read in, or UploadRefused saying how to save it."""
    if data.startswith(_UTF8_BOM):
        return _decode(data[len(_UTF8_BOM) :], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:  # UTF-16 without its mark cannot be told from binary data for certain
        raise UploadRefused("encoding", f"it looks like UTF-16 text without the mark that says so; {_SAVE_AS}")
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def looks_like_utf16(data: bytes) -> bool:
    """UTF-16 text, with or without its mark: every other byte of mostly-ASCII text is zero."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    sample = data[:4096]
    if len(sample) < 8:
        return False
    zeros = sorted((sample[0::2].count(0), sample[1::2].count(0)))
    half = len(sample) // 2
    return zeros[1] > half * 0.6 and zeros[0] < half * 0.1


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise UploadRefused("encoding", f"its text is damaged (not valid {encoding.upper()}); {_SAVE_AS}") from None


def separator(text: str, extension: str) -> str | None:
    """The column separator, or None for prose (a .txt file without tab-separated lines)."""
    first = text.split("\n", 1)[0].strip()
    if first.lower().startswith("sep=") and len(first) == 5:
        return first[4]
    sample = text[: 64 * 1024]
    if extension == "csv":
        try:
            return csv.Sniffer().sniff(sample, delimiters=_SEPARATORS).delimiter
        except csv.Error:
            return ","
    lines = [line for line in sample.splitlines() if line.strip()]
    tabbed = sum(1 for line in lines if "\t" in line.strip("\t"))
    return "\t" if lines and tabbed * 2 >= len(lines) else None


def is_formula(cell: str) -> bool:
    return cell.startswith(FORMULA_START) and not _NUMBER.match(cell.strip())


def neutralise(text: str, delimiter: str) -> str | None:
    """``text`` with formula-like cells made text (a leading apostrophe); None if none needed it."""
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    changed = False
    for row in rows:
        for index, cell in enumerate(row):
            if is_formula(cell):
                row[index] = "'" + cell
                changed = True
    if not changed:
        return None
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


def check_active_formulas(text: str) -> None:
    """Refuse a formula that fetches or runs something, at any separator a spreadsheet might use."""
    for match in _ANY_CELL_FORMULA.finditer(text):
        if ACTIVE_FORMULA.search(match.group(0)):
            raise UploadRefused(
                "formula",
                "it has cells a spreadsheet would run as formulas that open web addresses or start programs "
                "(starting =, +, - or @ with HYPERLINK, WEBSERVICE or a '|' link); "
                "remove them, or put an apostrophe before them, and upload it again",
            )


def safe_text(data: bytes, extension: str) -> bytes | None:
    """The text upload as it should be stored (UTF-8, formulas made text); None if it is fine as it is.

    Raises UploadRefused for what cannot be made safe (see check_active_formulas).
    """
    text, encoding = decode_text(data)
    delimiter = separator(text, extension)
    safe = None
    if delimiter:  # prose is no table: a "- see the hyperlink (below)" line is a list, not a formula
        safe = neutralise(text, delimiter)
        check_active_formulas(safe if safe is not None else text)
    if safe is None and encoding in ("utf-8", "utf-8-sig"):
        return None
    # A mark tells Excel the CSV is UTF-8 (without one it reads Windows-1252); kept if it was there.
    bom = _UTF8_BOM if encoding != "utf-8" and (extension == "csv" or encoding == "utf-8-sig") else b""
    return bom + (safe if safe is not None else text).encode("utf-8")
