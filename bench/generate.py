"""Build a synthetic network fast, for the benchmark: bulk inserts with tree paths computed the way
treebeard would, instead of one page save (and revision) per resource.

Pages are created live without revisions; that is all the public site and the search index read.
The search index is not built here: the benchmark times `update_index` separately.
"""

import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page

from bench.synthetic import ResourceSpec, resource_specs, tag_names
from resources.enums import PublisherKind
from resources.models import Audience, BoroughPage, CPStage, ResourcePage, ResourcePageTag, SoSElement
from resources.models.resource import default_review_due

BATCH = 500
Progress = Callable[[Iterable[Any], str, int], Iterable[Any]]


@dataclass
class GenerateReport:
    resources: int
    tags: int
    publishers: int


def generate_network(
    resources: int, seed: int = 1, tags: int = 300, progress: Progress = lambda items, label, total: items
) -> GenerateReport:
    """Add ``resources`` synthetic resources spread over the 33 authorities, tagged from ``tags`` topics."""
    publishers = list(BoroughPage.objects.exclude(kind=PublisherKind.PAN_LONDON).order_by("path"))
    names = tag_names(tags)
    with transaction.atomic():
        tag_ids = _ensure_tags(names)
        vocab = {
            "stages": dict(CPStage.objects.values_list("slug", "pk")),
            "sos": dict(SoSElement.objects.values_list("slug", "pk")),
            "audiences": dict(Audience.objects.values_list("slug", "pk")),
        }
        writer = _Writer(publishers, tag_ids, vocab)
        specs = resource_specs(resources, seed, names)
        batches = _batched(specs, BATCH)
        for batch in progress(batches, "Resources", -(-resources // BATCH)):
            writer.write(batch)
        writer.finish()
    return GenerateReport(resources=resources, tags=len(names), publishers=len(publishers))


def _batched(items: Iterable[ResourceSpec], size: int) -> Iterator[list[ResourceSpec]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _ensure_tags(names: list[str]) -> dict[str, int]:
    Tag.objects.bulk_create([Tag(name=name, slug=slugify(name)) for name in names], ignore_conflicts=True)
    return dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))


class _Writer:
    """Appends resources under each publisher, numbering tree paths after its existing children."""

    def __init__(self, publishers: list[BoroughPage], tag_ids: dict[str, int], vocab: dict[str, dict]) -> None:
        self.publishers = publishers
        self.tag_ids = tag_ids
        self.vocab = vocab
        self.content_type = ContentType.objects.get_for_model(ResourcePage)
        self.next_step = {p.pk: self._last_step(p) + 1 for p in publishers}
        self.now = timezone.now()
        self.count = 0

    @staticmethod
    def _last_step(publisher: BoroughPage) -> int:
        last = Page.objects.filter(path__startswith=publisher.path, depth=publisher.depth + 1).order_by("-path").first()
        return Page._str2int(last.path[-Page.steplen :]) if last else 0

    def write(self, specs: list[ResourceSpec]) -> None:
        pages, children = [], []
        for spec in specs:
            publisher = self.publishers[self.count % len(self.publishers)]
            self.count += 1
            step = self.next_step[publisher.pk]
            self.next_step[publisher.pk] += 1
            slug = f"{slugify(spec.title)[:80]}-{step}"
            pages.append(
                Page(
                    title=spec.title,
                    draft_title=spec.title,
                    slug=slug,
                    content_type=self.content_type,
                    live=True,
                    has_unpublished_changes=False,
                    path=Page._get_path(publisher.path, publisher.depth + 1, step),
                    depth=publisher.depth + 1,
                    numchild=0,
                    url_path=f"{publisher.url_path}{slug}/",
                    first_published_at=self.now,
                    last_published_at=self.now,
                    locale_id=publisher.locale_id,
                    translation_key=uuid.uuid4(),
                )
            )
            children.append((spec, publisher))
        Page.objects.bulk_create(pages)
        resources = [
            self._resource(page, spec, publisher) for page, (spec, publisher) in zip(pages, children, strict=True)
        ]
        fields = ResourcePage._meta.local_concrete_fields
        ResourcePage._base_manager._insert(resources, fields=fields)
        self._relations(resources, [spec for spec, _ in children])

    def _resource(self, page: Page, spec: ResourceSpec, publisher: BoroughPage) -> ResourcePage:
        resource = ResourcePage(
            page_ptr_id=page.pk,
            summary=spec.summary,
            resource_type=spec.resource_type,
            body=[{"type": "paragraph", "value": f"<p>{text}</p>"} for text in spec.paragraphs],
            published_date=spec.published,
            review_due=default_review_due(spec.published),
            borough_id=publisher.pk,
            source_id=f"bench-{page.pk}",
        )
        resource.pk = page.pk
        return resource

    def _relations(self, resources: list[ResourcePage], specs: list[ResourceSpec]) -> None:
        through = {
            "stages": (ResourcePage.cp_stages.through, "cpstage_id"),
            "sos": (ResourcePage.sos_elements.through, "soselement_id"),
            "audiences": (ResourcePage.audiences.through, "audience_id"),
        }
        for key, (model, column) in through.items():
            rows = [
                model(resourcepage_id=resource.pk, **{column: self.vocab[key][slug]})
                for resource, spec in zip(resources, specs, strict=True)
                for slug in getattr(spec, key)
            ]
            model.objects.bulk_create(rows)
        ResourcePageTag.objects.bulk_create(
            [
                ResourcePageTag(content_object_id=resource.pk, tag_id=self.tag_ids[name])
                for resource, spec in zip(resources, specs, strict=True)
                for name in spec.tags
            ]
        )

    def finish(self) -> None:
        """Record each publisher's new number of children, as treebeard would have."""
        for publisher in self.publishers:
            count = Page.objects.filter(path__startswith=publisher.path, depth=publisher.depth + 1).count()
            Page.objects.filter(pk=publisher.pk).update(numchild=count)
