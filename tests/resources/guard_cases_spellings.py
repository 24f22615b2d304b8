"""Labelled snippets for the spellings, kinds and contexts issue 21 found the guard missing.

Same shape as ``guard_cases``: ``(text, expected kinds)``. Every value is synthetic: NHS
numbers from the 999 test range, Ofcom's drama phone ranges, postcodes ending ZZ/XX, and
people's names pairing a common first name with a surname like "Sample" or "Tester".
"""

from tests.resources.guard_cases import CASE_REF, DOB, EMAIL, NHS, NI, PHONE, POSTCODE, Case

NAME = "person_name"
ADDRESS = "address"
SCHOOL = "school_year_name"

NHS_SPELLINGS: list[Case] = [
    ("NHS number 999.012.6704 on the discharge letter", {NHS}),
    ("NHS number 999/012/6704", {NHS}),
    ("NHS no 999  012  6704 (double spaces from the PDF)", {NHS}),
    ("NHS 9990 126 704 as grouped on the form", {NHS}),
    ("nhs no. 999 012 6705, one digit mistyped", {NHS}),
    ("The health visitor wrote 9990126704 in the red book", {NHS}),
    ("NHS: 999-012-6700 (check digit fails, still a number)", {NHS}),
    ("999 . 012 . 6704 NHS", {NHS}),
    ("Total of 1234567890 records processed nationally", set()),
]

NI_SPELLINGS: list[Case] = [
    ("NI number AB-12-34-56-C on the claim", {NI}),
    ("NINO CE-65-43-21-A", {NI}),
    ("national insurance no JG-11-22-33-B", {NI}),
]

DOB_SPELLINGS: list[Case] = [
    ("DOB 2015/04/03", {DOB}),
    ("date of birth 03 04 2015", {DOB}),
    ("d/o/b 03/04/2015", {DOB}),
    ("Child B (b. 03.04.2015) attends nursery", {DOB}),
    ("D/O/B: 2016.05.06", {DOB}),
    ("b. 12 March 2017, youngest of three", {DOB}),
    ("Policy effective 2024/04/01 for all boroughs", set()),
    ("Procedures revised 01 04 2024", set()),
    ("Amendments log 2023/10/02 and 2024/03/28", set()),
]

EMAIL_SPELLINGS: list[Case] = [
    ("mum writes from parent.sample at gmail dot com", {EMAIL}),
    ("carer77 (at) hotmail (dot) co (dot) uk", {EMAIL}),
    ("yp2008 [at] outlook [dot] com", {EMAIL}),
    ("reply to dad.tester@gmail dot com", {EMAIL}),
    ("info@gmail.com was given as the family's contact", {EMAIL}),
    ("Look at the dot plot in figure 2", set()),
    ("Send it to mash at camden dot gov dot uk", set()),
]

NAMES: list[Case] = [
    ("Oliver Sample was seen at home on Tuesday.", {NAME}),
    ("The worker visited Amelia Tester after school.", {NAME}),
    ("Chronology: Noah Mock moved schools in the spring term.", {NAME}),
    ("Mother: Chloe Testcase", {NAME}),
    ("Child's name Priya Specimen", {NAME}),
    ("Grandmother Fatima Sample attended the ICPC.", {NAME}),
    ("Jack Tester and his sister were spoken to alone.", {NAME}),
    ("Report written by Emily Sample, Head of Quality Assurance", {"person_name:low"}),
    # look-alikes: places, bodies and processes with name-like words
    ("Waltham Forest and Tower Hamlets share a MASH.", set()),
    ("Brent Council hosted the network meeting.", set()),
    ("Signs of Safety practice in Kingston upon Thames", set()),
    ("Working Together 2023 chapter 3", set()),
    ("Three Houses and the Safety House are tools for children.", set()),
    ("Grace Period for reviews is not a term we use.", set()),
    ("Hope Street Family Hub runs a drop-in.", set()),
    ("Camden Learning Together review", set()),
]

ADDRESSES: list[Case] = [
    ("Family home is 12 Mare Street.", {ADDRESS}),
    ("Visited the flat at 4 Sample Road on Friday", {ADDRESS}),
    ("Flat 3, 22 Testing Gardens", {ADDRESS}),
    ("Father lives at 7a Example Close", {ADDRESS}),
    ("Grandparents at 150 Specimen Avenue", {ADDRESS}),
    ("Session held at London Councils, 59 Any Street", {"address:low"}),
    ("Venue: Town Hall, 1 Civic Way", {"address:low"}),
    ("Step 2 of the assessment map", set()),
    ("Chapter 3 Providing Help, Support and Protection", set()),
]

SCHOOL_YEAR_NAME: list[Case] = [
    ("Amara is in Year 4 at Sample Primary School", {SCHOOL}),
    ("Sample Academy reported that Noah (Year 9) was absent", {SCHOOL}),
    ("Reception class at Testing Infant School; Zara settled well", {SCHOOL}),
    ("Year 7 transition guidance for Sample Academy staff", set()),
    ("The DSL at each primary school in Year 6 transition", set()),
]

CONTEXT_OVERRIDES: list[Case] = [
    ("Mum lives near the library, SE15 3ZZ", {POSTCODE}),
    ("Family home near the venue, N1 9ZZ", {POSTCODE}),
    ("Referred by the MASH: mother's mobile 07700 900123", {PHONE}),
    ("The council has her mobile 07700 900124 on file", {PHONE}),
    ("Office hours only; home phone 020 7946 0124", {PHONE}),
    ("Council tenant, 07700 900125 (grandmother)", {PHONE}),
    ("Library visit planned; child's address E8 1ZZ", {POSTCODE}),
    # look-alikes that must keep passing or only warn
    ("020 7525 5000 (borough switchboard)", {"phone:low"}),
    ("020 7946 0000 (Camden council switchboard) for general queries", {"phone:low"}),
    ("Section 47 enquiry started the same day", set()),
    ("Working Together 2023", set()),
    ("ICPC within 15 working days", set()),
    ("E09000007 Camden and E09000012 Hackney", set()),
    ("Policy dated 01/04/2024, next review 01/04/2025", set()),
    ("Case ref 1234567 and CR-123457 for the audit", {CASE_REF}),
]

SPELLING_CASES: list[Case] = [
    *NHS_SPELLINGS,
    *NI_SPELLINGS,
    *DOB_SPELLINGS,
    *EMAIL_SPELLINGS,
    *NAMES,
    *ADDRESSES,
    *SCHOOL_YEAR_NAME,
    *CONTEXT_OVERRIDES,
]
