"""Factories for the exchange's pages and documents. Content here is generic: no people, no cases."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from resources.enums import ResourceType
from resources.models import Audience, BoroughPage, CPStage, ResourcePage, SoSElement


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
