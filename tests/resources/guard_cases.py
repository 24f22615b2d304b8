"""Labelled snippets for measuring the personal-data guard (resources.guard).

Each case is ``(text, expected)``. ``expected`` names the kinds the guard must report with
high confidence; ``"<kind>:low"`` means that kind must be reported as a warning only. A kind
not named must not be reported at all.

Every personal-looking value here is synthetic: NHS numbers are from the 999 test range
(valid by check digit) or the NHS's own published example, mobiles are Ofcom's drama range
(07700 900xxx), landlines are Ofcom's drama ranges (020 7946 0xxx, 0113 496 0xxx, ...), NI
numbers use made-up digit runs, postcodes end in ZZ/XX, emails name no one.
"""

Case = tuple[str, set[str]]

NHS = "nhs_number"
NI = "ni_number"
POSTCODE = "postcode"
DOB = "date_of_birth"
PHONE = "phone"
EMAIL = "email"
CASE_REF = "case_reference"

NHS_CASES: list[Case] = [
    ("NHS number 999 012 6704 recorded on the referral.", {NHS}),
    ("NHS no: 9990229651", {NHS}),
    ("nhs 999-026-9246 checked with the GP", {NHS}),
    ("Health: 999 038 0112 (GP registered)", {NHS}),
    ("The child's NHS number is 9990395950.", {NHS}),
    ("NHS No. 999 043 5545 / GP surgery", {NHS}),
    ("Add 999-053-8492 to the health chronology.", {NHS}),
    ("NHS: 999 0578087", {NHS}),
    ("9990601844 - NHS", {NHS}),
    ("Example from the form guidance: 943 476 5919", {NHS}),
    ("Health visitor checked the red book; NHS 999 064 1439, immunisations up to date.", {NHS}),
    ("NHS#9990704791", {NHS}),
    ("(NHS 999 074 4386)", {NHS}),
    ("nhs number 999 091 0685 confirmed by the midwife", {NHS}),
    ("Baby's NHS number 999 114 0336 issued at birth", {NHS}),
    ("Sibling: 999110 0741", {NHS}),
    ("CAMHS letter quotes 999 119 5769 as the patient identifier.", {NHS}),
    ("Record 999 124 3283 in the health section of the plan.", {NHS}),
    # look-alikes: wrong check digit, repeated digits, too many digits
    ("NHS number 999 012 6705 (wrong check digit in the training example)", {NHS}),  # still personal data
    ("NHS number field left as 0000000000 by the system", set()),
    ("Placeholder 1111111111 appears in the template", set()),
    ("Total spend 99901267041 across the partnership", set()),
]

NI_CASES: list[Case] = [
    ("NI number AB 12 34 56 C on the benefits letter", {NI}),
    ("NINO: CE123456A", {NI}),
    ("national insurance JG 65 43 21 B", {NI}),
    ("NI no. km112233d", {NI}),
    ("Parent's NI: PR 98 76 54 A", {NI}),
    ("Housing form lists SW 11 22 33 D for the tenant.", {NI}),
    ("Ni number: TW123456B", {NI}),
    ("NI number AB123456 (suffix missing on the form)", {NI}),
    ("Carer's allowance claim HT 65 43 21 C", {NI}),
    ("National Insurance number: eh 12 34 56 a", {NI}),
    ("Reference on DWP letter: JX 98 76 54 B", {NI}),
    ("WL 11 22 33 C was quoted by the housing officer.", {NI}),
    # HMRC's published example, lower case with no cue
    ("Guidance: NI numbers look like QQ 12 34 56 C.", {"ni_number:low"}),
    ("Form example QQ123456A", {"ni_number:low"}),
    ("the code ab 12 34 56 c appears in the spreadsheet", {"ni_number:low"}),
    # look-alikes: prefixes never issued, bad suffix, codes without a suffix or cue
    ("GB 12 34 56 A is not a valid prefix", set()),
    ("DA 12 34 56 C cannot be issued", set()),
    ("AO 12 34 56 C cannot be issued", set()),
    ("AB 12 34 56 E has no valid suffix", set()),
    ("Product code AB123456 in the stock list", set()),
    ("Form SA100 and form P60 are tax forms.", set()),
]

POSTCODE_CASES: list[Case] = [
    ("Family moved to SE15 3ZZ last month.", {POSTCODE}),
    ("Address: 12 Any Street, London N1 9ZZ", {POSTCODE, "address"}),
    ("postcode e17 4zz", {POSTCODE}),
    ("NW10 7XX is the new address", {POSTCODE}),
    ("Lives at EC1V 2ZZ with grandparents", {POSTCODE}),
    ("Placement in CR0 9ZZ", {POSTCODE}),
    ("Previously BR13ZZ (no space on the form)", {POSTCODE}),
    ("Temporary accommodation, HA8 7ZZ.", {POSTCODE}),
    ("Transfer-in from IG11 7ZZ", {POSTCODE}),
    ("Address KT1 1ZZ confirmed by housing", {POSTCODE}),
    ("School catchment TW3 4ZZ", {POSTCODE}),
    ("Moved out of borough to UB8 1ZZ.", {POSTCODE}),
    ("Father's address SM1 4ZZ", {POSTCODE}),
    ("rm7 0zz recorded by the police", {POSTCODE}),
    ("EN1 3ZZ (maternal aunt)", {POSTCODE}),
    ("sw9 8zz", {POSTCODE}),
    ("W1A 0ZZ on the court bundle", {POSTCODE}),
    ("Refuge postcode DA1 1ZZ must never be shared", {POSTCODE}),
    # public venues: warn only
    ("Venue: Town Hall, Upper Street, N1 2ZZ", {"postcode:low"}),
    ("Session at London Councils, 59 Any Street, SE1 0ZZ", {"postcode:low", "address:low"}),
    ("Our council offices are at 5 Civic Way, E8 1XX", {"postcode:low", "address:low"}),
    # look-alikes: outward codes only, road and section names, ordinals
    ("The N1 and SE1 teams met in March.", set()),
    ("Covers E8, N16 and SE15 localities", set()),
    ("Take the A1 and M25 to the training venue", set()),
    ("Team CP1 3rd review due", set()),
    ("Room B12 on floor 3", set()),
    ("SW1A only, no full code", set()),
]

DOB_CASES: list[Case] = [
    ("DOB: 01/02/2015", {DOB}),
    ("D.O.B 1.2.15", {DOB}),
    ("d.o.b. 1 February 2015", {DOB}),
    ("date of birth: Feb 1st 2015", {DOB}),
    ("Date of Birth 2015-02-01", {DOB}),
    ("The younger child was born on 3 March 2016.", {DOB}),
    ("born 12/11/2018 at the local hospital", {DOB}),
    ("Child was born 4th June 2019 at home", {DOB}),
    ("Child B (DOB 05.06.2017) attends nursery", {DOB}),
    ("Child A, 03/04/2014 (DOB), attends school", {DOB}),
    ("Born: 22-09-2016", {DOB}),
    ("DOB 1st of May 2013", {DOB}),
    ("birth date: March 3, 2014", {DOB}),
    ("Date of birth (dd/mm/yyyy): 14/07/2012", {DOB}),
    ("dob 7/7/17", {DOB}),
    ("Birthday: 2 Dec 2011", {DOB}),
    ("Unborn baby due; sibling DOB 30 Sept 2020", {DOB}),
    ("Mother's date of birth is 9 Aug 1995", {DOB}),
    # month and year only right after "born": a partial date of birth still narrows to one child
    ("The child was born in March 2015 according to the school.", {DOB}),
    # a weak cue (the date far from "born"): warn
    ("born prematurely at 30 weeks on 2 May 2021", {"date_of_birth:low"}),
    ("born prematurely at 30 weeks in May 2021", {"date_of_birth:low"}),
    # look-alikes: publication, review and meeting dates; birth cues without a date
    ("Published 01/02/2015", set()),
    ("Review date: 2015-02-01", set()),
    ("Updated 1 February 2024 following consultation.", set()),
    ("Date of birth must be recorded on the referral form in every case.", set()),
    ("Feb 2015 edition of the procedures", set()),
    ("Children Act 1989 and Children Act 2004", set()),
    ("Pre-birth assessments for first-born children", set()),
    ("Date of birth field added to the template, version 2.1 (effective 1 April 2024)", set()),
    ("The approach was born out of the 2019 review, published 12 March 2019.", set()),
    ("Strategy meeting held 14/03/2024 at 10:30", set()),
    ("ICPC on 2024-04-02, RCPC within 3 months", set()),
]

PHONE_CASES: list[Case] = [
    ("Mum's mobile 07700 900123", {PHONE}),
    ("+44 7700 900456 (father)", {PHONE}),
    ("Text 07700900789 to confirm", {PHONE}),
    ("tel: 020 7946 0123 (grandparents)", {PHONE}),
    ("Aunt's number 020 7946 0456", {PHONE}),
    ("Home phone (020) 7946 0991", {PHONE}),
    ("Landline 0113 496 0123", {PHONE}),
    ("+44 (0)20 7946 0321 is the family's number", {PHONE}),
    ("Neighbour gave 0161 496 0777", {PHONE}),
    ("07700-900-321", {PHONE}),
    ("Call 07700 900 654 after 6pm", {PHONE}),
    ("+447700900111", {PHONE}),
    ("Dad: 0207 946 0789", {PHONE}),
    ("Carer on 0118 496 0333", {PHONE}),
    ("Young person's phone is 07700 900222.", {PHONE}),
    ("Foster carer 0117 496 0444", {PHONE}),
    ("Mobiles 07700 900987 07700 900876 (both parents)", {PHONE}),
    # public offices and national helplines: warn only
    ("Camden switchboard 020 7946 0000", {"phone:low"}),
    ("MASH: 020 7946 0800", {"phone:low"}),
    ("Main line: 0113 496 0500", {"phone:low"}),
    ("Contact centre 0300 123 4567", {"phone:low"}),
    ("NSPCC helpline 0808 800 5000", {"phone:low"}),
    ("Childline 0800 1111", {"phone:low"}),
    ("Emergency Duty Team (out of hours) 020 7946 0555", {"phone:low"}),
    ("Children's services office 020 7946 0111", {"phone:low"}),
    ("LADO 020 7946 0222 for allegations against staff", {"phone:low"}),
    # look-alikes: tables, timescales, times, pages, ISBNs, statistics
    ("See Table 3 and Figure 12", set()),
    ("ICPC within 15 working days of the strategy discussion", set()),
    ("Core group at 10:30 on Tuesday", set()),
    ("Page 12 of 40", set()),
    ("ISBN 978-1-84787-123-4", set()),
    ("ISBN 978 0 19 852663 6 (second edition)", set()),
    ("In an emergency call 999 or 111 for health advice", set()),
    ("1,234,567 contacts were recorded in 2023/24", set()),
    ("Version 2.1.3 released 2024", set()),
    ("Cohort of 20231 referrals, 4567 assessments", set()),
]

EMAIL_CASES: list[Case] = [
    ("Parent emailed from parent1234@gmail.com", {EMAIL}),
    ("family.contact@hotmail.co.uk", {EMAIL}),
    ("carer_2019@yahoo.com sent the photos", {EMAIL}),
    ("x.y.z@outlook.com", {EMAIL}),
    ("Contact: someone@btinternet.com", {EMAIL}),
    ("user77@example.com (reserved domain, not on the allow-list)", {EMAIL}),
    ("mum.account+kids@icloud.com", {EMAIL}),
    ("Agency worker used worker99@privateagency.co.uk", {EMAIL}),
    ("Young person's email: yp.2008@live.co.uk.", {EMAIL}),
    ("Reply to <account.holder@protonmail.com>", {EMAIL}),
    ("Step-parent wrote from A.B.C@AOL.COM", {EMAIL}),
    ("Forwarded by grandparent at gp-account@mail.com", {EMAIL}),
    # role mailboxes elsewhere: warn only
    ("Training enquiries: info@somecharity.org.uk", {"email:low"}),
    ("enquiries@trainingprovider.co.uk", {"email:low"}),
    # organisational addresses on the allow-list
    ("Send referrals to mash@camden.gov.uk", set()),
    ("lscp@londoncouncils.gov.uk hosts the network", set()),
    ("cp.adviser@hackney.gov.uk chairs the conference", set()),
    ("duty@rbkc.gov.uk", set()),
    ("team@lbbd.gov.uk", set()),
    ("first.last@nhs.net for health queries", set()),
    ("safeguarding@met.police.uk", set()),
    ("worker@dept.example", set()),
    ("user@mail.ealing.gov.uk (subdomain)", set()),
    ("Follow @LondonCouncils for updates", set()),
]

CASE_REF_CASES: list[Case] = [
    ("CR-123456", {CASE_REF}),
    ("Case ref 4567890", {CASE_REF}),
    ("LCS 1234567", {CASE_REF}),
    ("Mosaic ID 123456", {CASE_REF}),
    ("CP/2023/00123", {CASE_REF}),
    ("MASH-2024-0042", {CASE_REF}),
    ("case number: 2345678", {CASE_REF}),
    ("ICS ID 7654321", {CASE_REF}),
    ("file ref 8765432", {CASE_REF}),
    ("Mosaic no. 9988776", {CASE_REF}),
    ("CIN/2022/0456 stepped down", {CASE_REF}),
    ("case reference LA123456", {CASE_REF}),
    ("Liquidlogic ID 334455", {CASE_REF}),
    ("LAC-2021-0099", {CASE_REF}),
    ("child ID: 5566778", {CASE_REF}),
    ("Case #7766554 was audited", {CASE_REF}),
    ("Our ref 1234567", {"case_reference:low"}),
    ("Ref: 7654321", {"case_reference:low"}),
    # look-alikes: policy references, reviews, statutes, audit counts
    ("Policy 4.2.1 applies to all strategy meetings.", set()),
    ("SCR 2019/03 recommended better recording", set()),
    ("Section 47 enquiry", set()),
    ("Children Act 1989, s.47", set()),
    ("Case 3 in the audit sample", set()),
    ("Case study 2: the strategy meeting", set()),
    ("Procedure ref LSCP/2022/07", set()),
    ("File size 12 MB", set()),
    ("See case review 2019 and the rapid review", set()),
    ("Working Together 2023, chapter 2", set()),
    ("CP 2 stage, CIN 2024 figures", set()),
    ("Ref: POL-014 version 3", set()),
]

MIXED_CASES: list[Case] = [
    ("DOB 01/02/2015, NHS 999 119 5769", {DOB, NHS}),
    ("Mosaic ID 223344; address SE15 3ZZ; mobile 07700 900333", {CASE_REF, POSTCODE, PHONE}),
    ("NI AB 65 43 21 D and email parent1234@gmail.com", {NI, EMAIL}),
    ("Referral from mash@camden.gov.uk about CR-654321", {CASE_REF}),
    ("born 2.3.16, lives at N1 9ZZ", {DOB, POSTCODE}),
    ("Chronology: 14/03/2024 strategy meeting; 02/04/2024 ICPC; 999 064 1439 on file", {NHS}),
    ("Camden switchboard 020 7946 0000 and mum's mobile 07700 900444", {PHONE, "phone:low"}),
    ("Phone the family on 07700 900123 or the office on 020 7946 0000", {PHONE, "phone:low"}),
    ("020 7946 0000 (switchboard) for general queries", {"phone:low"}),
    ("Duty line - 020 7946 0800; carer 07700 900555", {PHONE, "phone:low"}),
]

NEGATIVE_PRACTICE_CASES: list[Case] = [
    ("Strategy discussions: a practice guide for London boroughs (v2.1)", set()),
    ("Signs of Safety assessment map, 0-10 safety scale", set()),
    ("Three Houses tool for children aged 5 to 11", set()),
    ("RCPC within 3 months of the ICPC, then every 6 months", set()),
    ("Core group meets within 10 working days of the conference", set()),
    ("Learning from SCR 2019/03 and LCSPR 2021/01", set()),
    ("Published by London Councils, March 2024. ISBN 978-1-84787-555-0", set()),
    ("Section 17 and Section 47 of the Children Act 1989", set()),
    ("Working Together to Safeguard Children 2023, paragraph 4.2", set()),
    ("Audit tool v3.0, 24 questions, 12 pages", set()),
    ("Attendance rose from 62% to 87% between 2022 and 2024", set()),
    ("Event 10:00-12:30, Room 2.14", set()),
    ("Contact the LSCP team at lscp@londoncouncils.gov.uk", set()),
    ("Child protection plans per 10,000 children: 41.2", set()),
    ("Template ref T-2023-08 updated 01/09/2023", set()),
]

CASES: list[Case] = [
    *NHS_CASES,
    *NI_CASES,
    *POSTCODE_CASES,
    *DOB_CASES,
    *PHONE_CASES,
    *EMAIL_CASES,
    *CASE_REF_CASES,
    *MIXED_CASES,
    *NEGATIVE_PRACTICE_CASES,
]
