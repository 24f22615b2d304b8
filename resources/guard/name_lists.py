"""The name lists the guard reads people's names with.

First and last names come from the lists shipped in the ``names`` package (from a census, so
they are maintained outside this project and need no download at run time), plus first names
common in London that those lists lack. A word of the exchange's own vocabulary (a borough, a
process, a month) is never a name, and an everyday English word that the lists happen to hold
("in", "so", "chance") is never read as a name written in lower case.
"""

import functools
import importlib.resources
import re

from .vocabulary import NOT_NAMES

# First names given often in London (ONS baby-name tables, the capital's communities) that the
# census lists lack.
_EXTRA_FIRST_NAMES_TEXT = """
muhammad mohammad ahmed ayaan zara zainab maryam yusuf ibrahim aisha amara priya kwame kofi ama
oluwaseun tunde chidi ngozi adaeze deepak arjun aarav anaya ananya ravi sanjay sofia amira layla
hamza omar bilal fatima khadija leyla emre mehmet elif kacper zofia oskar wiktoria jakub
alfie jayden kayden aiden ayden arlo finley zayn rowan albie luca jenson jaxon grayson kian rhys callum
kieran declan niall cian conor liam aoife niamh sinead saoirse caoimhe orla roisin grainne isla freya
poppy sienna harper esme imogen nevaeh aria demi aaliyah temi tolu ayo femi deji kemi funmi yetunde
adebayo chukwuemeka emeka obinna nnamdi uche kelechi efua abena yaw kojo kwabena akua adwoa esi rahul
rohan aditya vihaan ishaan kabir riya diya saanvi aadhya ishani tanvir rahim shamima nusrat tahmina
farhan rayyan zayd yahya idris ismail hussain abdullah aleksander mateusz szymon filip maja zuzanna
antoni andrei ionut alexandru ioana mihai dawid bartosz emir ayse zeynep mustafa kerem deniz efe tayo
"""
# Everyday words that the census lists hold as names: in lower case they are prose.
_EVERYDAY = """
a an and are as at be but by can do else for from had has have he her him his how i if in into is it its
me my no nor not of on one or our out she so than that the their them then there these they this to
too up us was we were what when where which who why will with you your all any both each few many more
most much other some such own same very just also only even back still well now here again ever
chance love man son numbers dot sky dawn rob pat sue don ray max jack sunny rich king earl miles lance
bud dale glen heath iris violet ruby pearl amber jade crystal ginger honey candy cherry destiny harmony
liberty justice patience prudence charity mercy trinity precious major august jean van von del la le
de di du al el bo jo ma pa ok per nan ed gay happy merry bonny early long short general clear plain core
ways every men women boys girls
"""
EVERYDAY_WORDS: frozenset[str] = frozenset(_EVERYDAY.split())


@functools.cache
def first_names() -> frozenset[str]:
    return (
        frozenset(_read("dist.male.first") | _read("dist.female.first") | set(_EXTRA_FIRST_NAMES_TEXT.split()))
        - NOT_NAMES
    )


@functools.cache
def last_names() -> frozenset[str]:
    return frozenset(_read("dist.all.last")) - NOT_NAMES


def _read(name: str) -> set[str]:
    lines = importlib.resources.files("names").joinpath(name).read_text(encoding="ascii").splitlines()
    return {line.split()[0].lower() for line in lines if line.strip()}


# "O'Neill", "McAllister": a surname by its form, whether or not the lists hold it.
_SURNAME_FORM = re.compile(r"^(?:(?:O['\u2019]|[Dd]['\u2019]|Mc)[A-Z][a-z]|Mc[a-z]{3})")


def parts(word: str) -> list[str]:
    """A name's parts as the lists spell them: "Ashby-Sample's" → ["ashby", "sample"]."""
    word = re.sub(r"['\u2019]s$", "", word)
    return [re.sub(r"['\u2019]", "", part).lower() for part in word.split("-") if part]


def is_vocabulary(word: str) -> bool:
    return any(part in NOT_NAMES for part in parts(word))


def is_first_name(word: str) -> bool:
    found = parts(word)
    return bool(found) and found[0] in first_names()


def is_last_name(word: str) -> bool:
    return bool(_SURNAME_FORM.match(word)) or any(part in last_names() for part in parts(word))
