"""Labelled snippets for what the second outside test found the guard still missing, and the
look-alikes it wrongly refused. Same shape as ``guard_cases``: ``(text, expected kinds)``.

Every value is synthetic: NHS numbers from the 999 test range (or failing the check digit,
for mistyped numbers), postcodes ending ZZ, names pairing a first name with "Sample", "Tester"
or a made-up surname. Offices and authors are the literature's and the councils' own, written
with fictional streets and postcodes.
"""

from tests.resources.guard_cases import DOB, NHS, POSTCODE, Case
from tests.resources.guard_cases_spellings import ADDRESS, NAME, SCHOOL

NAME_VARIANTS: list[Case] = [
    ("Rhys Sample-Tester was spoken to alone at school.", {NAME}),
    ("Grandmother Orla O'Sample attended the ICPC.", {NAME}),
    ("Finley McTester said he felt safe at his dad's.", {NAME}),
    ("Saoirse d'Sample, aged 6, attends nursery.", {NAME}),
    ("the visit to amelia tester was unannounced", {NAME}),
    ("siblings noah sample and ruby sample were seen together", {NAME}),
    ("notes say harper o'sample is nine", {NAME}),
    ("Ms R Sample declined the core group invitation.", {NAME}),
    ("Mrs Tester asked for the plan in Polish.", {NAME}),
    ("Mr J. P. Sample did not attend.", {NAME}),
    ("Mx Sample asked to be called by their first name.", {NAME}),
    ("Miss Sample (maternal aunt) offered to care for the children.", {NAME}),
    ("The eldest (Ayo Sample) was not at home.", {NAME}),
    ("Present: [Declan Tester], social worker, health visitor.", {NAME}),
    ("Child {Imogen Sample} was seen.", {NAME}),
    ("Kian Testcase-Sample moved to his aunt's.", {NAME}),
    ("Mrs O'Tester rang the duty line twice.", {NAME}),
    # look-alikes: cited authors, titles of things, everyday words that are also names
    ("Munro (2011) argued for fewer procedures.", set()),
    ("Turnell and Edwards (1999) set out the approach.", set()),
    ("Brandon et al., 2020 reviewed 278 serious cases.", set()),
    ("Sidebotham, Brandon and Belderson (2016) on neglect.", set()),
    ("(Ferguson, 2011; Munro, 2011)", set()),
    ("Eileen Munro (2011) found that procedures dominate.", set()),
    ("Andrew Turnell and Steve Edwards (1999) introduced Signs of Safety.", set()),
    ("As Marian Brandon et al. (2020) showed, neglect is under-recognised.", set()),
    ("Harry Ferguson, 2011, Child Protection Practice.", set()),
    ("Mr Men books help younger children talk.", set()),
    ("Master classes for DSLs run each term.", set()),
    ("Miss a visit and the plan drifts.", set()),
    ("in plain english the core group meets within 10 working days", set()),
    ("will grant the request if the chance arises", set()),
]

SCHOOL_ORDERS: list[Case] = [
    ("Zainab is in year five at Brookfield Primary School.", {SCHOOL}),
    ("Brookfield Community School, Y4: Aria was late most days.", {SCHOOL}),
    ("Isla, who attends Meadowside Academy (Year-10), was excluded.", {SCHOOL}),
    ("Nursery class at Little Acorns Nursery: Kian is three.", {SCHOOL}),
    ("Muhammad's teacher at Riverside High, year 9, raised the concern.", {SCHOOL}),
    ("At Hollybank Primary School, Finley in year two said he was hungry.", {SCHOOL}),
    ("Yr 6 at Oakfield Junior School; Freya told the DSL.", {SCHOOL}),
    ("Primary schools in Year 6 receive the transition pack from the academy trust.", set()),
    ("Year 2 of the programme began in March 2024 at each Sample Academy.", set()),
]

NHS_LAYOUTS: list[Case] = [
    ("NHS No: 9 9 9 1 1 4 0 3 3 6 (as printed)", {NHS}),
    ("NHS 9 9 9 0 1 2 6 7 0 4 on file", {NHS}),
    ("Her NHS number is 999-114-O336", {NHS}),
    ("nhs no 99O 012 67O4", {NHS}),
    ("NHS number 999 O12 6705 (mistyped, with a letter O)", {NHS}),
    ("Patient identifier 9.9.9.1.2.4.3.2.8.3", {NHS}),
    ("Table 4: 1 2 3 4 5 6 7 8 9 10 point scale", set()),
    ("Scores 3 4 2 5 1 4 3 2 5 1 across the ten questions.", set()),
]

DOB_WORDS: list[Case] = [
    ("born on the third of April 2015", {DOB}),
    ("born on the twenty-first of May 2016", {DOB}),
    ("Date of birth: the 9th of November 2013", {DOB}),
    ("DOB: 3rd April 2015", {DOB}),
    ("date of birth: twelfth of June 2016", {DOB}),
    ("born 03/2017", {DOB}),
    ("born March 2017", {DOB}),
    ("born in Sept 2016, the youngest of four", {DOB}),
    ("dob 11/2015", {DOB}),
    ("D.O.B: 2014-07", {DOB}),
    ("Born in 2019, the LSCP replaced the LSCB.", set()),
    ("The tool was born out of a 2017 review.", set()),
    ("Page 3 of the March 2017 edition.", set()),
    ("The third of April 2015 meeting agreed the plan.", set()),
]

POSTCODE_SPACING: list[Case] = [
    ("lives at E8  1ZZ", {POSTCODE}),
    ("Postcode: N16  0ZZ", {POSTCODE}),
    ("family postcode E 5 9 Z Z", {POSTCODE}),
    ("address SE5 7 ZZ", {POSTCODE}),
    ("lives at s e 1 5 3 z z", {POSTCODE}),
    ("home https://maps.example.org/search/?query=9+Tester+Crescent%2C+London+SE5+7ZZ", {ADDRESS, POSTCODE}),
    ("see https://www.example.com/maps?q=E5%209ZZ for the home", {POSTCODE}),
    ("www.example.net/place/Flat+2,+40+Sample+Road,+N4+2ZZ", {ADDRESS, POSTCODE}),
]

OFFICES: list[Case] = [
    ("Borough Service Centre, 1 Example Street, E8 1ZZ", {"address:low", "postcode:low"}),
    ("Civic Centre, 255 Sample Road, N22 9ZZ (main reception)", {"address:low", "postcode:low"}),
    ("Exampleton Council, 222 Upper Street, N1 9ZZ", {"address:low", "postcode:low"}),
    ("Write to us: Children's Services, Town Hall, 1 Example Street, W1 1ZZ", {"address:low", "postcode:low"}),
    ("Training is at the Dockside centre, 1000 Dockside Road, E16 2ZZ", {"address:low", "postcode:low"}),
    ("Ealing switchboard 020 7946 0500", {"phone:low"}),
    ("Call Camden on 020 7946 0444 for general enquiries.", {"phone:low"}),
    ("Contact Westminster's main line, 020 7946 0600.", {"phone:low"}),
    ("Lambeth: 020 7946 0100", {"phone:low"}),
    # a home stays a home, and a mobile a person's, whoever is named nearby
    ("Council placed the family at 4 Sample Road, SE15 3ZZ", {ADDRESS, POSTCODE}),
    ("Call Camden's duty worker on the mother's mobile 07700 900321", {"phone"}),
]

OUTSIDE_CASES: list[Case] = [*NAME_VARIANTS, *SCHOOL_ORDERS, *NHS_LAYOUTS, *DOB_WORDS, *POSTCODE_SPACING, *OFFICES]
