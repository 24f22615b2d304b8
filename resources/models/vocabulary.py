"""Small controlled vocabularies used as facets. Rows are seeded from resources.enums."""

from django.db import models
from wagtail.snippets.models import register_snippet


class VocabularyTerm(models.Model):
    slug = models.SlugField(max_length=50, unique=True, help_text="Used in URLs and the bulk import.")
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class CPStage(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = "child-protection stage"


class SoSElement(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = "Signs of Safety element"


class Audience(VocabularyTerm):
    class Meta(VocabularyTerm.Meta):
        verbose_name = "audience"


for _model in (CPStage, SoSElement, Audience):
    register_snippet(_model)
