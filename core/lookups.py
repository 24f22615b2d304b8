"""`field__any_of=[…]`: membership in a long list of values, as one array on PostgreSQL.

Search filters and counts facets over the engine's matches, up to a thousand ids, in a query
with one subquery per facet. As `IN (1, 2, …)` PostgreSQL plans a thousand separate constants
in every one of them (half the cost of the facet counts at 10,000 resources); as
`= ANY('{1,2,…}')` it reads one array constant and hashes it. Other databases get `IN`.
"""

from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db.models import Field
from django.db.models.lookups import In


@Field.register_lookup
class AnyOf(In):
    lookup_name = "any_of"

    def as_postgresql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        values = [value for value in self.rhs if value is not None]
        if not values:
            raise EmptyResultSet
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", [*lhs_params, values]
