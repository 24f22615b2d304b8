"""The network's publishers: London's 33 local authorities (ONS GSS codes) and pan-London bodies.

Seed data for the data migration and the bulk import's borough look-up. Slugs are the
names in lower case with hyphens (django's slugify), which is also the page slug.
"""

from django.utils.text import slugify

from resources.enums import PublisherKind

_AUTHORITIES = (
    "City of London",
    "Barking and Dagenham",
    "Barnet",
    "Bexley",
    "Brent",
    "Bromley",
    "Camden",
    "Croydon",
    "Ealing",
    "Enfield",
    "Greenwich",
    "Hackney",
    "Hammersmith and Fulham",
    "Haringey",
    "Harrow",
    "Havering",
    "Hillingdon",
    "Hounslow",
    "Islington",
    "Kensington and Chelsea",
    "Kingston upon Thames",
    "Lambeth",
    "Lewisham",
    "Merton",
    "Newham",
    "Redbridge",
    "Richmond upon Thames",
    "Southwark",
    "Sutton",
    "Tower Hamlets",
    "Waltham Forest",
    "Wandsworth",
    "Westminster",
)

# (GSS code or None, name, slug, kind, intro)
PUBLISHERS: tuple[tuple[str | None, str, str, str, str], ...] = (
    *(
        (
            f"E09{n:06d}",
            name,
            slugify(name),
            PublisherKind.CITY if n == 1 else PublisherKind.BOROUGH,
            (
                "The City of London Corporation's children's services, which publish like a borough."
                if n == 1
                else f"Children's social care and safeguarding practice shared by {name}."
            ),
        )
        for n, name in enumerate(_AUTHORITIES, start=1)
    ),
    (
        None,
        "London Councils",
        "london-councils",
        PublisherKind.PAN_LONDON,
        "Hosts the London Safeguarding Children Partnership and the network's shared events.",
    ),
    (
        None,
        "Regional Safeguarding Adviser's Office",
        "regional-safeguarding-advisers-office",
        PublisherKind.PAN_LONDON,
        "The regional safeguarding adviser's office: pan-London learning from reviews and audits.",
    ),
)
