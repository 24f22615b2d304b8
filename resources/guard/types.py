"""What a detector reports: the kind of personal data, how sure it is, where, and masked."""

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    NHS_NUMBER = "nhs_number"
    NI_NUMBER = "ni_number"
    POSTCODE = "postcode"
    DATE_OF_BIRTH = "date_of_birth"
    PHONE = "phone"
    EMAIL = "email"
    CASE_REFERENCE = "case_reference"
    PERSON_NAME = "person_name"
    ADDRESS = "address"
    SCHOOL_YEAR_NAME = "school_year_name"


HIGH, LOW = "high", "low"


@dataclass(frozen=True, slots=True)
class Finding:
    """One suspected piece of personal data: what kind, how sure, where, and masked."""

    kind: Kind
    confidence: str  # "high" blocks publication; "low" only warns
    start: int
    end: int
    masked: str
