"""One detector per kind of personal data; each returns ``Finding`` objects for a text.

Every pattern uses bounded quantifiers and context is read by slicing a fixed window
around a match, never with open-ended regex, so scanning stays linear on any input.
"""

import bisect
import re
from collections.abc import Callable, Iterable

import phonenumbers
from django.conf import settings
from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType

from .context import personal_cue_near
from .dates import detect_dates_of_birth
from .masking import mask, mask_email
from .people import detect_person_names, detect_school_year_name
from .places import detect_addresses, detect_postcodes
from .types import HIGH, LOW, Finding, Kind


def _before(text: str, start: int, width: int = 40) -> str:
    return text[max(0, start - width) : start]


def _after(text: str, end: int, width: int = 40) -> str:
    return text[end : end + width]


# --- NHS numbers ---------------------------------------------------------------------
# 3-3-4 or 4-3-3 digits, joined by nothing, one or two spaces, or a dot, slash or dash.
_SEP = r"(?:[ \u00a0]{1,2}|[ \u00a0]?[./-][ \u00a0]?)?"
_NHS = re.compile(
    rf"(?<![\w/.-])(?:\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{4}}|\d{{4}}{_SEP}\d{{3}}{_SEP}\d{{3}})(?![\w/-]|\.\d)"
)
# Any ten digits however spaced or split ("9 9 9 0 1 …", a line break from a PDF or a table
# cell): read only where "NHS" or a patient identifier says what they are.
_LOOSE_NHS = re.compile(r"(?<![\w/.-])\d(?:(?:\s{1,4}|[ \u00a0]?[./-][ \u00a0]?)?\d){9}(?![\w/-]|\.\d|\s{1,2}\d)")
_NOT_NHS_CUES = re.compile(r"(?i)\b(?:isbn|issn|tel|phone|call|fax)\b\W{0,3}$")
_NHS_CUE = re.compile(r"(?i)\bnhs\b|\bhealth (?:service )?(?:no|number)\b|\bpatient (?:id|identifier|number)\b")
# A letter O (or o) typed for a zero among digits: "99O 012 67O4".
_LETTER_ZERO = re.compile(r"(?<=\d)[Oo]|[Oo](?=\d)")


def nhs_check_digit_ok(digits: str) -> bool:
    """Modulus 11: weights 10..2 on the first nine digits; 10 means no valid number."""
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    remainder = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    check = (11 - remainder) % 11
    return check != 10 and check == int(digits[9])


def _nhs_cued(text: str, start: int, end: int) -> bool:
    return bool(_NHS_CUE.search(_before(text, start, 40)) or _NHS_CUE.search(_after(text, end, 15)))


def detect_nhs_numbers(text: str) -> Iterable[Finding]:
    """Valid by check digit anywhere; failing it, or spaced or split oddly, only where "NHS" says
    what it is (a mistyped real number still identifies a child to anyone who can correct one digit)."""
    # Same length as ``text``, so positions hold: a letter O among digits read as the zero it stands for.
    digits_text = _LETTER_ZERO.sub("0", text) if ("O" in text or "o" in text) else text
    for m in _NHS.finditer(digits_text):
        digits = re.sub(r"\D", "", m.group())
        if len(set(digits)) == 1:
            continue  # 0000000000: a system's empty value
        if nhs_check_digit_ok(digits):
            low = _NOT_NHS_CUES.search(_before(text, m.start(), 12))
            yield Finding(Kind.NHS_NUMBER, LOW if low else HIGH, m.start(), m.end(), mask(text[m.start() : m.end()]))
        elif _nhs_cued(text, m.start(), m.end()):
            yield Finding(Kind.NHS_NUMBER, HIGH, m.start(), m.end(), mask(text[m.start() : m.end()]))
    for m in _LOOSE_NHS.finditer(digits_text):
        digits = re.sub(r"\D", "", m.group())
        if len(set(digits)) > 1 and _nhs_cued(text, m.start(), m.end()):
            yield Finding(Kind.NHS_NUMBER, HIGH, m.start(), m.end(), mask(text[m.start() : m.end()]))


# --- National Insurance numbers ------------------------------------------------------
# First letter never D F I Q U V; second never D F I O Q U V; some pairs are never issued.
_NI = re.compile(
    r"(?i)(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)(?:[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]|(QQ))"
    r"[ \u00a0-]?\d{2}[ \u00a0-]?\d{2}[ \u00a0-]?\d{2}(?:[ \u00a0-]?([A-D]))?(?![A-Za-z0-9])",
)
_NI_CUE = re.compile(r"(?i)\b(?:ni|nino|ni no|national insurance)\b")


def detect_ni_numbers(text: str) -> Iterable[Finding]:
    """Upper case with a suffix is high; lower case or no suffix needs an "NI" cue nearby."""
    for m in _NI.finditer(text):
        value, example, suffix = m.group(), m.group(1), m.group(2)
        cued = bool(_NI_CUE.search(_before(text, m.start(), 30)))
        if example:  # "QQ 12 34 56 C" is HMRC's published example: a format, not a person
            confidence = LOW
        elif suffix is None:
            if not cued:
                continue
            confidence = HIGH
        else:
            confidence = HIGH if value.isupper() or cued else LOW
        yield Finding(Kind.NI_NUMBER, confidence, m.start(), m.end(), mask(value, keep=2))


# --- Phone numbers -------------------------------------------------------------------
_OFFICE_CUES = re.compile(
    r"(?i)\b(?:switchboard|main (?:line|number)|office|helpline|help line|advice line|contact cent(?:re|er)"
    r"|call cent(?:re|er)|reception|enquir(?:y|ies)|customer services?|out of hours|emergency duty|edt|mash"
    r"|front door|duty (?:desk|line|team|phone)|freephone|textphone|minicom|hotline|lado|council)\b"
)
# After a number only a label counts ("020 … (switchboard)"), not the next clause's words.
_OFFICE_LABEL_AFTER = re.compile(
    r"\s{0,2}[(\[,:\u2013-]{0,2}\s{0,2}(?:[A-Za-z'-]{1,20}\s){0,2}" + _OFFICE_CUES.pattern.removeprefix("(?i)"), re.I
)
# A borough named just before a landline ("Lambeth: 020 …", "call Sutton on 020 …") is its
# switchboard or a service line; a mobile is never a borough's published number.
_BOROUGH = re.compile(
    r"(?i)\b(?:city of london|barking|dagenham|barnet|bexley|brent|bromley|camden|croydon|ealing|enfield|greenwich"
    r"|hackney|hammersmith|fulham|haringey|harrow|havering|hillingdon|hounslow|islington|kensington|chelsea"
    r"|kingston|lambeth|lewisham|merton|newham|redbridge|richmond|southwark|sutton|tower hamlets"
    r"|waltham forest|wandsworth|westminster)\b(?:'s)?[^.;\n]{0,25}$"
)
_PUBLIC_TYPES = {
    PhoneNumberType.TOLL_FREE,
    PhoneNumberType.UAN,
    PhoneNumberType.SHARED_COST,
    PhoneNumberType.PREMIUM_RATE,
}


# Plain UK shapes, for numbers the matcher misses: it reads "07700 900123 07700 900456"
# (a table row from a PDF) as one over-long candidate and reports only the first.
_UK_NUMBER = re.compile(
    r"(?<![\d+])(?:\+44[ \u00a0]?(?:\(0\)[ \u00a0]?)?|0)\d{2,4}[ \u00a0-]?\d{3,4}[ \u00a0-]?\d{3,4}(?!\d)"
)


def _phone_shaped(number: phonenumbers.PhoneNumber) -> bool:
    # 07700 900xxx (Ofcom's drama range) is unallocated, so not "valid", but still a mobile.
    national = str(number.national_number)
    mobile_shaped = number.country_code == 44 and len(national) == 10 and national.startswith("7")
    return mobile_shaped or phonenumbers.is_valid_number(number)


def _uk_numbers(text: str) -> list[tuple[int, int, phonenumbers.PhoneNumber]]:
    """(start, end, number) for each phone-shaped number, from the matcher and the plain shapes."""
    # The matcher gives up after max_tries candidates (65535 by default), which a long
    # attachment could exceed; one try per character keeps the scan linear and complete.
    tries = max(65_535, len(text))
    matches = PhoneNumberMatcher(text, "GB", Leniency.POSSIBLE, tries)
    # A number written without its leading 0 or +44 ("1234567890 records") is a count, not a phone.
    found = [(m.start, m.end, m.number) for m in matches if m.raw_string[:1] in "0+(" and _phone_shaped(m.number)]
    starts = [start for start, _, _ in found]
    for m in _UK_NUMBER.finditer(text):
        i = bisect.bisect_right(starts, m.start())
        if (i and found[i - 1][1] > m.start()) or (i < len(found) and found[i][0] < m.end()):
            continue
        try:
            extra = phonenumbers.parse(m.group(), "GB")
        except phonenumbers.NumberParseException:
            continue
        if _phone_shaped(extra):
            found.insert(i, (m.start(), m.end(), extra))
            starts.insert(i, m.start())
    return found


def detect_phone_numbers(text: str) -> Iterable[Finding]:
    """UK numbers via phonenumbers; public-office lines and freephone services warn only."""
    previous_end = 0
    for start, end, number in _uk_numbers(text):
        # The cue window stops at the previous number: "switchboard 020 …, mum's mobile 07…"
        before = text[max(previous_end, start - 60) : start]
        personal = personal_cue_near(text, start, end, before_from=previous_end)
        previous_end = end
        landline = str(number.national_number)[:1] in "123"
        public = (
            phonenumbers.number_type(number) in _PUBLIC_TYPES
            or _OFFICE_CUES.search(before)
            or _OFFICE_LABEL_AFTER.match(_after(text, end, 40))
            or (landline and _BOROUGH.search(before))
        )
        low = public and not personal
        yield Finding(Kind.PHONE, LOW if low else HIGH, start, end, mask(text[start:end], keep=4))


# --- Email addresses -----------------------------------------------------------------
# The 33 London authorities' own domains (all under gov.uk, but listed so that a site
# which narrows GUARD_ALLOWED_EMAIL_DOMAINS can start from them).
# fmt: off
BOROUGH_EMAIL_DOMAINS = [
    "cityoflondon.gov.uk", "lbbd.gov.uk", "barnet.gov.uk", "bexley.gov.uk", "brent.gov.uk", "bromley.gov.uk",
    "camden.gov.uk", "croydon.gov.uk", "ealing.gov.uk", "enfield.gov.uk", "royalgreenwich.gov.uk",
    "hackney.gov.uk", "lbhf.gov.uk", "haringey.gov.uk", "harrow.gov.uk", "havering.gov.uk", "hillingdon.gov.uk",
    "hounslow.gov.uk", "islington.gov.uk", "rbkc.gov.uk", "kingston.gov.uk", "lambeth.gov.uk", "lewisham.gov.uk",
    "merton.gov.uk", "newham.gov.uk", "redbridge.gov.uk", "richmond.gov.uk", "southwark.gov.uk", "sutton.gov.uk",
    "towerhamlets.gov.uk", "walthamforest.gov.uk", "wandsworth.gov.uk", "westminster.gov.uk",
]
# fmt: on
DEFAULT_ALLOWED_EMAIL_DOMAINS = [
    "gov.uk",
    "nhs.net",
    "nhs.uk",
    "police.uk",
    "londoncouncils.gov.uk",
    "*.example",
    *BOROUGH_EMAIL_DOMAINS,
]
_EMAIL = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}(?![\w-])",
)
# Shared mailboxes at other organisations (a charity's "info@") are not about a person.
_ROLE_MAILBOX = re.compile(
    r"(?i)^(?:info|enquiries|enquiry|contact|admin|office|help|helpline|safeguarding|training|events|hello|team)$"
)


def email_domain_allowed(domain: str, allowed: Iterable[str]) -> bool:
    """True when ``domain`` is, or is a subdomain of, an allowed one ("*.x" allows x's subdomains)."""
    domain = domain.lower().rstrip(".")
    for entry in allowed:
        entry = entry.lower().strip().removeprefix("*.").lstrip(".")
        if entry and (domain == entry or domain.endswith("." + entry)):
            return True
    return False


# Personal webmail: an "info@" there is still one person's account.
_WEBMAIL = (
    "gmail.com googlemail.com hotmail.com hotmail.co.uk outlook.com live.com live.co.uk msn.com yahoo.com"
    " yahoo.co.uk ymail.com icloud.com me.com aol.com protonmail.com proton.me btinternet.com sky.com"
    " virginmedia.com talktalk.net mail.com gmx.com gmx.co.uk yandex.com"
)
WEBMAIL_DOMAINS = frozenset(_WEBMAIL.split())
# "name at gmail dot com", "name (at) hotmail (dot) co (dot) uk": written out to dodge filters.
_SPELT_EMAIL = re.compile(
    r"(?i)(?<![\w.%+-])([a-z0-9._%+-]{1,64})[ \u00a0]{0,2}(@|[(\[]at[)\]]|\bat\b)[ \u00a0]{0,2}"
    r"([a-z0-9-]{1,63}(?:[ \u00a0]{0,2}(?:\.|[(\[]dot[)\]]|\bdot\b)[ \u00a0]{0,2}[a-z0-9-]{1,63}){1,4})(?![\w-])"
)
_SPELT_DOT = re.compile(r"(?i)[ \u00a0]{0,2}(?:\.|[(\[]dot[)\]]|\bdot\b)[ \u00a0]{0,2}")
_TLDS = frozenset({"com", "net", "org", "uk", "co", "io", "me", "info", "biz", "eu", "gov", "ac"})


def _email_confidence(local: str, domain: str, allowed: Iterable[str]) -> str | None:
    if email_domain_allowed(domain, allowed):
        return None
    if domain.lower() in WEBMAIL_DOMAINS:
        return HIGH
    return LOW if _ROLE_MAILBOX.match(local) else HIGH


def detect_emails(text: str) -> Iterable[Finding]:
    allowed = getattr(settings, "GUARD_ALLOWED_EMAIL_DOMAINS", DEFAULT_ALLOWED_EMAIL_DOMAINS)
    for m in _EMAIL.finditer(text):
        value = m.group().rstrip(".")
        local, _, domain = value.rpartition("@")
        confidence = _email_confidence(local, domain, allowed)
        if confidence:
            yield Finding(Kind.EMAIL, confidence, m.start(), m.start() + len(value), mask_email(value))
    for m in _SPELT_EMAIL.finditer(text):
        local, at, spelt = m.group(1), m.group(2), m.group(3)
        labels = _SPELT_DOT.split(spelt)
        if at == "@" and "." in spelt and " " not in spelt and "dot" not in spelt.lower():
            continue  # an ordinary address, reported above
        domain = ".".join(labels).lower()
        # "at" as a plain word is prose unless "dot" or a webmail domain says otherwise.
        prose = at.lower() == "at" and domain not in WEBMAIL_DOMAINS and "dot" not in spelt.lower()
        if labels[-1].lower() not in _TLDS or prose:
            continue
        confidence = _email_confidence(local, domain, allowed)
        if confidence:
            yield Finding(Kind.EMAIL, confidence, m.start(), m.end(), f"{mask(local, keep=1)} at {domain}")


# --- Case references -----------------------------------------------------------------
# A system prefix with a separator and a number: CR-123456, CP/2023/00123, MASH-2024-0042.
_PREFIXED_REF = re.compile(
    r"(?<![\w/-])(?:CR|CP|CPP|CIN|LAC|CLA|MASH|EH|CSC|LCS|ICS|CASE|REF)[-/]"
    r"(?:(?:19|20)\d{2}[-/])?\d{3,8}(?![\w/-])"
)
_CUE = r"(?:case|mosaic|lcs|ics|eclipse|liquidlogic|file|client|child|person|subject)"
# A case cue, optionally "ref/no/number/id", then a number of five digits or more.
_CUED_REF = re.compile(
    rf"(?i)\b{_CUE}(?:[ \u00a0]?(?:ref(?:erence)?|no|number|id|identifier)\.?){{0,2}}[ \u00a0]?[:#]?[ \u00a0]?"
    r"([A-Z]{0,3}\d{5,10})(?![\w/-])"
)
_REF_ONLY = re.compile(
    r"(?i)\b(?:our|your)?[ ]?ref(?:erence)?(?:[ ](?:no|number))?\.?[ ]?[:#]?[ ]?(\d{6,10})(?![\w/-])"
)


def detect_case_references(text: str) -> Iterable[Finding]:
    for m in _PREFIXED_REF.finditer(text):
        yield Finding(Kind.CASE_REFERENCE, HIGH, m.start(), m.end(), mask(m.group(), keep=3))
    for m in _CUED_REF.finditer(text):
        yield Finding(Kind.CASE_REFERENCE, HIGH, m.start(1), m.end(1), mask(m.group(1), keep=2))
    for m in _REF_ONLY.finditer(text):  # "ref 1234567" with nothing saying whose: warn
        yield Finding(Kind.CASE_REFERENCE, LOW, m.start(1), m.end(1), mask(m.group(1), keep=2))


DETECTORS: tuple[Callable[[str], Iterable[Finding]], ...] = (
    detect_emails,
    detect_nhs_numbers,
    detect_ni_numbers,
    detect_case_references,
    detect_dates_of_birth,
    detect_postcodes,
    detect_phone_numbers,
    detect_school_year_name,
    detect_addresses,
    detect_person_names,
)
