"""Capitalised words of the exchange's own vocabulary, never read as a person's first or last name.

The census name lists hold many ordinary words ("Hall", "Green", "Child", "Brent", "May"); a
resource names boroughs, bodies, processes and dates with them all the time.
"""

_BOROUGHS = """
city london barking dagenham barnet bexley brent bromley camden croydon ealing enfield greenwich hackney
hammersmith fulham haringey harrow havering hillingdon hounslow islington kensington chelsea kingston
thames lambeth lewisham merton newham redbridge richmond southwark sutton tower hamlets waltham forest
wandsworth westminster upon england wales scotland british english east west north south central
"""
_PROCESS = """
council councils borough boroughs safeguarding children child childrens partnership partnerships service
services team teams social care care health police education school schools academy college nursery
primary secondary hospital trust board panel hub hubs network group office unit centre center hall
house houses court park green street road lane way avenue place square hill signs safety practice
review reviews plan plans conference conferences meeting meetings strategy section act chapter table
figure page year years reception together working guidance procedures procedure learning briefing
briefings tool tools toolkit template templates version edition framework model map assessment
enquiry enquiries protection need needs early help family families parent parents carer carers
young person people adult adults agency agencies multi local national regional government gov
department ministry home secretary director head lead leads manager chair chairs adviser advisor
officer worker workers practitioner practitioners coordinator network rapid serious case cases
audit audits quality assurance standard standards policy policies risk harm danger goals goal
words pictures three scale scaling questions appreciative inquiry statement statements trajectory
domestic abuse violence sexual exploitation neglect mental substance misuse court order orders
public law outline legal planning supervision reflective consultation training events event
session sessions notes note resources resource exchange library institute foundation charity
association society commission inspectorate ofsted nspcc barnardos scie dfe nhs icb mash lado
integrated designated officer chief executive member members royal saint st new old great little
upper lower high grammar junior infant infants community trust free catholic church
"""
_CALENDAR = """
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday spring summer autumn winter easter christmas
"""
# Words that are first names in the lists but, capitalised at a sentence's start, are usually not.
_WORDS = """
will may grace hope joy faith mark rose chase page bill art angel april june august summer autumn
major young long guy royal sterling dawn eve ivy holly
see read add ask call send use keep check find make give take tell share plan note
"""
NOT_NAMES: frozenset[str] = frozenset((_BOROUGHS + _PROCESS + _CALENDAR + _WORDS).split())
