"""Search data: the synonym list coordinators keep, and the log of what the network searched for."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from core.text import normalise


@register_snippet
class SynonymGroup(models.Model):
    """Words and abbreviations that mean the same thing at work: any one finds the others."""

    terms = models.TextField(
        help_text="Comma-separated terms that mean the same, e.g. 'S47, section 47, s.47 enquiry'.",
    )
    note = models.CharField(max_length=200, blank=True, help_text="Optional: where this usage comes from.")

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        ordering = ["terms"]
        verbose_name = "synonym group"

    def __str__(self) -> str:
        return self.terms[:80]

    def term_list(self) -> list[str]:
        """The group's terms, normalised, longest first, without blanks or repeats."""
        terms = {normalise(term) for term in self.terms.split(",")}
        return sorted((t for t in terms if t), key=lambda t: (-len(t.split()), t))


class SearchLog(models.Model):
    """One search: normalised words, filters and how many results. Never who searched."""

    query = models.CharField(max_length=200, blank=True, db_index=True)
    filters = models.JSONField(default=dict, blank=True)
    result_count = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["created_at", "result_count"])]

    def __str__(self) -> str:
        return f"{self.query!r} ({self.result_count})"


class TagRedirect(models.Model):
    """An address a tag used to have. Renames and merges change slugs, but links to /tags/<old>/
    are already in borough intranets, emails and bookmarks, so the old address keeps working."""

    old_slug = models.SlugField(max_length=100, unique=True, allow_unicode=True)
    tag = models.ForeignKey("taggit.Tag", on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]
        permissions = [("manage_tags", "Can rename and merge tags")]

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.tag_id}"


__all__ = ["SearchLog", "SynonymGroup", "TagRedirect"]
