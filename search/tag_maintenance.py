"""Renaming and merging tags, and spotting tags that are probably the same.

Tags are free text, so the network ends up with "S47", "s47" and "S-47" on different
resources and a search for one misses the others. Coordinators fix that here. A merge must
leave no trace of the old tag that could bring it back: tagged rows move to the target,
old addresses redirect (tag pages are linked from intranets and emails), and each
resource's latest revision is rewritten, because revisions store tag ids and an editor
opening a revision whose tag was deleted would silently lose it on the next publish.
"""

import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count, QuerySet
from django_tasks import task
from rapidfuzz.distance import Levenshtein
from taggit.models import ItemBase, Tag
from wagtail.log_actions import log

from core.text import normalise
from indexing.updates import update_object
from resources.models import ResourcePage, ResourcePageTag
from search.models import TagRedirect

logger = logging.getLogger(__name__)

MAX_NAME_LENGTH = Tag._meta.get_field("name").max_length
RENAME_ACTION = "search.tag.rename"
MERGE_ACTION = "search.tag.merge"
# Below this many characters one edit turns one abbreviation into another ("CIN", "CSE").
FUZZY_MIN_LENGTH = 5


@dataclass(frozen=True)
class MergeResult:
    """What a merge did, for the coordinator's confirmation message."""

    target: Tag
    merged_names: list[str]
    resources: int
    revisions: int


def tags_with_usage() -> QuerySet[Tag]:
    """Every tag with `num_resources`: how many resources (live or draft) carry it."""
    return Tag.objects.annotate(num_resources=Count("resources_resourcepagetag_items", distinct=True))


def clean_tag_name(name: str) -> str:
    """The name as it will be stored, or ValueError saying what is wrong with it.

    Runs of spaces collapse so "core  group" cannot become a second "core group".
    """
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise ValueError("Enter a name for the tag.")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ValueError(f"Tag names can be at most {MAX_NAME_LENGTH} characters (this one has {len(cleaned)}).")
    if not Tag().slugify(cleaned):
        raise ValueError("Use at least one letter or number: the tag needs a web address.")
    return cleaned


def rename_tag(tag: Tag, new_name: str, user: Any = None) -> Tag:
    """Rename `tag`, or merge it into the tag that already has that name; returns the surviving tag.

    Revisions need no change: they refer to tags by id, and the id stays.
    """
    name = clean_tag_name(new_name)
    if name == tag.name:
        return tag
    existing = Tag.objects.filter(name__iexact=name).exclude(pk=tag.pk).first()
    if existing is not None:
        merge_tags([tag], existing, user=user)
        return existing
    with transaction.atomic():
        old_name, old_slug = tag.name, tag.slug
        tag.name = name
        tag.slug = _free_slug(tag, name)
        tag.save(update_fields=["name", "slug"])
        if tag.slug != old_slug:
            TagRedirect.objects.filter(old_slug=tag.slug).delete()  # the tag answers at its own address
            TagRedirect.objects.update_or_create(old_slug=old_slug, defaults={"tag": tag})
        log(instance=tag, action=RENAME_ACTION, user=user, data={"old_name": old_name, "new_name": name})
        page_ids = _resources_tagged([tag.pk])
        _reindex_after_commit(page_ids)
    logger.info("Renamed tag %r to %r (%d resources)", old_name, name, len(page_ids))
    return tag


def merge_tags(sources: Iterable[Tag], target: Tag, user: Any = None) -> MergeResult:
    """Move everything tagged with any of `sources` to `target` and delete the sources, all or nothing.

    Index updates wait for the commit, so the search engine never sees a merge that rolled back.
    """
    source_ids = list(dict.fromkeys(source.pk for source in sources))
    if not source_ids:
        raise ValueError("Choose at least one tag to merge.")
    if target.pk in source_ids:
        raise ValueError(f"“{target.name}” cannot be merged into itself.")
    with transaction.atomic():
        current = {t.pk: t for t in Tag.objects.select_for_update().filter(pk__in=[*source_ids, target.pk])}
        if len(current) != len(source_ids) + 1:
            raise ValueError("Some of these tags were changed or removed meanwhile. Reload the page and try again.")
        sources_now, target = [current[pk] for pk in source_ids], current[target.pk]
        page_ids = _resources_tagged(source_ids) | _drafts_carrying(source_ids)
        # Revisions first: for a page with nothing pending Wagtail reads the "latest revision" from
        # the live rows, which must still carry the source tags to be found and rewritten.
        revisions = _rewrite_latest_revisions(page_ids, source_ids, target, user)
        _move_tagged_items(source_ids, target)
        _redirect_old_addresses(sources_now, target)
        Tag.objects.filter(pk__in=source_ids).delete()
        names = [source.name for source in sources_now]
        data = {"merged": names, "target": target.name, "resources": len(page_ids)}
        log(instance=target, action=MERGE_ACTION, user=user, data=data)
        _reindex_after_commit(page_ids)
    logger.info("Merged tags %r into %r (%d resources, %d revisions)", names, target.name, len(page_ids), revisions)
    return MergeResult(target=target, merged_names=names, resources=len(page_ids), revisions=revisions)


def _free_slug(tag: Tag, name: str) -> str:
    """The slug for `name`, numbered the way taggit numbers it when another tag holds it already."""
    base = tag.slugify(name)
    slug, number = base[:MAX_NAME_LENGTH], 0
    while Tag.objects.filter(slug=slug).exclude(pk=tag.pk).exists():
        number += 1
        suffix = f"_{number}"
        slug = base[: MAX_NAME_LENGTH - len(suffix)] + suffix
    return slug


def _tagged_item_models() -> list[type[ItemBase]]:
    """Every through model pointing at Tag: resources, but also Wagtail's documents and images,
    whose rows would otherwise be deleted with the source tag."""
    return [
        rel.related_model
        for rel in Tag._meta.related_objects
        if rel.one_to_many and issubclass(rel.related_model, ItemBase) and rel.field.name == "tag"
    ]


def _move_tagged_items(source_ids: list[int], target: Tag) -> None:
    """Point every tagged row at the target, deleting rows for objects that would then carry it twice."""
    for model in _tagged_item_models():
        owner = [f.attname for f in model._meta.concrete_fields if not f.primary_key and f.name != "tag"]
        seen = set(model._default_manager.filter(tag=target).values_list(*owner))
        keep, drop = [], []
        for pk, *key in model._default_manager.filter(tag_id__in=source_ids).order_by("pk").values_list("pk", *owner):
            (drop if tuple(key) in seen else keep).append(pk)
            seen.add(tuple(key))
        model._default_manager.filter(pk__in=drop).delete()
        model._default_manager.filter(pk__in=keep).update(tag=target)


def _resources_tagged(tag_ids: list[int]) -> set[int]:
    return set(ResourcePageTag.objects.filter(tag_id__in=tag_ids).values_list("content_object_id", flat=True))


def _drafts_carrying(source_ids: list[int]) -> set[int]:
    """Resources whose unpublished draft has a source tag that the live page may not have."""
    wanted = set(source_ids)
    drafts = ResourcePage.objects.filter(has_unpublished_changes=True, latest_revision__isnull=False)
    return {
        pk
        for pk, content in drafts.values_list("pk", "latest_revision__content")
        if any(item.get("tag") in wanted for item in (content or {}).get("tagged_items", []))
    }


def _rewrite_latest_revisions(page_ids: set[int], source_ids: list[int], target: Tag, user: Any) -> int:
    """Give each page's latest revision the target tag in place of the sources; returns how many changed.

    A page that was live with nothing pending is published again, so it does not suddenly show
    "unpublished changes" that nobody made, and its live rows come from that revision. Pages
    with a pending draft keep it pending; their live rows are moved by _move_tagged_items.
    """
    wanted, changed = set(source_ids), 0
    pages = ResourcePage.objects.filter(pk__in=page_ids, latest_revision__isnull=False).order_by("pk")
    for page in pages:
        draft = page.get_latest_revision_as_object()
        carried = [tag for tag in draft.tags.all() if tag.pk in wanted]
        if not carried:
            continue
        republish = page.live and not page.has_unpublished_changes
        draft.tags.remove(*[tag.name for tag in carried])  # the in-memory manager matches by name
        draft.tags.add(target)
        revision = draft.save_revision(user=user, clean=False)
        log(
            instance=draft,
            action=MERGE_ACTION,
            user=user,
            revision=revision,
            content_changed=True,
            data={"merged": [tag.name for tag in carried], "target": target.name},
        )
        if republish:
            # The merge was authorised by search.manage_tags, not by page permissions in the borough.
            revision.publish(user=user, skip_permission_checks=True)
        changed += 1
    return changed


def _redirect_old_addresses(sources: list[Tag], target: Tag) -> None:
    """Old addresses of the sources, and addresses that led to them, now lead straight to the target."""
    TagRedirect.objects.filter(tag__in=sources).update(tag=target)  # before the delete cascades them away
    TagRedirect.objects.filter(old_slug=target.slug).delete()
    for source in sources:
        TagRedirect.objects.update_or_create(old_slug=source.slug, defaults={"tag": target})


def _reindex_after_commit(page_ids: set[int]) -> None:
    ids = sorted(page_ids)
    if ids:
        # robust: a queue that is down must not turn the coordinator's completed merge into an error.
        transaction.on_commit(lambda: reindex_resources_task.enqueue(ids), robust=True)


@task()
def reindex_resources_task(page_ids: list[int]) -> None:
    """Re-index live resources so the engine sees their new tag names (tags are indexed by name)."""
    for page in ResourcePage.objects.live().filter(pk__in=page_ids):
        update_object(page)  # failures are queued for retry_index_updates


# --- Likely duplicates -------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+")


def likely_duplicates() -> list[list[Tag]]:
    """Groups of tags on resources that are probably one topic, biggest group first.

    Each tag has `num_resources`; the most used tag comes first in its group, as the obvious
    one to merge into. Names match when equal after normalising (case, punctuation, spaces,
    a plural ending), or one edit apart when long enough and carrying the same numbers, so
    "section 17" and "section 47" (different duties) stay apart.
    """
    tags = list(tags_with_usage().filter(num_resources__gt=0))
    by_key: dict[str, list[Tag]] = defaultdict(list)
    for tag in tags:
        if key := _match_key(tag.name):
            by_key[key].append(tag)
    parent = {key: key for key in by_key}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    keys = sorted((k for k in by_key if len(k) >= FUZZY_MIN_LENGTH), key=len)
    for i, first in enumerate(keys):
        for second in keys[i + 1 :]:
            if len(second) - len(first) > 1:
                break
            if _DIGITS.findall(first) == _DIGITS.findall(second) and Levenshtein.distance(first, second) <= 1:
                parent[root(second)] = root(first)

    groups: dict[str, list[Tag]] = defaultdict(list)
    for key, members in by_key.items():
        groups[root(key)].extend(members)
    result = [
        sorted(group, key=lambda t: (-t.num_resources, t.name.casefold()))
        for group in groups.values()
        if len(group) > 1
    ]
    return sorted(result, key=lambda g: (-sum(t.num_resources for t in g), g[0].name.casefold()))


def _match_key(name: str) -> str:
    """The name reduced to what matters for sameness: "Core-Groups" and "core group" → "coregroup"."""
    return _singular("".join(normalise(name).split()))


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
