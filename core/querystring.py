"""Reading slug filters from a query string.

A slug has only letters, digits, hyphens and underscores; anything else (a NUL byte, which
PostgreSQL refuses in a query parameter, or pasted text) cannot match and is dropped before
it reaches the database.
"""

import re

from django.http import QueryDict

_SLUG = re.compile(r"[-\w]+", re.ASCII)


def slugs(params: QueryDict, name: str, limit: int) -> list[str]:
    """The distinct slug-shaped values of ``name``, at most ``limit`` of them."""
    values = (value.strip() for value in params.getlist(name))
    return list(dict.fromkeys(value for value in values if _SLUG.fullmatch(value)))[:limit]
