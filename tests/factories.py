"""Factories for the exchange's pages and documents. Content here is generic: no people, no cases."""

import datetime
from typing import TYPE_CHECKING

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from resources.enums import ResourceType
from resources.models import Audience, BoroughPage, CPStage, ResourcePage, SoSElement

if TYPE_CHECKING:
    from events.models import EventIndexPage


def publisher(slug: str) -> BoroughPage:
    """Publishers come from the data migration, so tests look them up rather than create them."""
    return BoroughPage.objects.get(slug=slug)


class ResourcePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Practice guidance {n}")
    summary = "Guidance for practitioners on recording strategy discussions."
    resource_type = ResourceType.PRACTICE_GUIDANCE
    published_date = datetime.date(2025, 6, 1)
    parent = factory.LazyFunction(lambda: publisher("camden"))

    class Meta:
        model = ResourcePage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if extracted:
            self.tags.set(extracted)
            if create:
                self.save()

    @factory.post_generation
    def stages(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if extracted:
            self.cp_stages.set(CPStage.objects.filter(slug__in=extracted))
            if create:
                self.save()

    @factory.post_generation
    def sos(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if extracted:
            self.sos_elements.set(SoSElement.objects.filter(slug__in=extracted))
            if create:
                self.save()

    @factory.post_generation
    def for_audiences(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if extracted:
            self.audiences.set(Audience.objects.filter(slug__in=extracted))
            if create:
                self.save()


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Template {n}")
    file = factory.LazyAttribute(lambda obj: ContentFile(b"%PDF-1.4\n% test\n", name="template.pdf"))

    class Meta:
        model = get_document_model()


def event_index() -> "EventIndexPage":
    """/events/ comes from the events data migration, so tests look it up."""
    from events.models import EventIndexPage

    return EventIndexPage.objects.get()


def _next_week_at_ten() -> datetime.datetime:
    from django.utils import timezone

    day = timezone.localdate() + datetime.timedelta(days=7)
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=timezone.get_current_timezone())


class EventPageFactory(wagtail_factories.PageFactory):
    """A published, upcoming, in-person event a week from now with 10 places."""

    title = factory.Sequence(lambda n: f"Practice day {n}")
    summary = "A practice day on strategy discussions for social workers and partners."
    start = factory.LazyFunction(_next_week_at_ten)
    end = factory.LazyAttribute(lambda obj: obj.start + datetime.timedelta(hours=3))
    event_format = "in-person"
    venue_name = "Demo conference suite"
    venue_address = "1 Example Street, London"
    capacity = 10
    host = factory.LazyFunction(lambda: publisher("london-councils"))
    parent = factory.LazyFunction(event_index)

    class Meta:
        model = "events.EventPage"
        skip_postgeneration_save = True


class BookingFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(EventPageFactory)
    name = factory.Sequence(lambda n: f"Test attendee {n}")
    email = factory.Sequence(lambda n: f"attendee-{n}@example.org")
    organisation = "Camden"
    role = "Social worker"
    status = "confirmed"

    class Meta:
        model = "events.Booking"
