"""The page queryset every page type of the exchange uses."""

from django.db.models import Q
from wagtail.query import PageQuerySet

from core.visibility import all_restrictions


class ExchangePageQuerySet(PageQuerySet):
    """Wagtail's page queryset, reading view restrictions from the request's memo."""

    def private_q(self) -> Q:
        """Wagtail's rule (pages at or below any restricted page) without a query per call:
        public() and not_public() on a page view otherwise read every restriction each time."""
        q = Q()
        for restriction in all_restrictions():
            q |= self.descendant_of_q(restriction.page, inclusive=True)
        return q if q else Q(pk__in=[])
