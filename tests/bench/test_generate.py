"""The benchmark's network generator: a valid tree, every facet filled, reproducible by seed."""

import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.utils.html import escape
from wagtail.models import Page

from bench.synthetic import resource_specs, tag_names, weighted_sample, zipf_weights
from resources.models import BoroughPage, ResourcePage, ResourcePageTag

pytestmark = pytest.mark.django_db


def generate(resources: int, seed: int = 7) -> str:
    out = io.StringIO()
    call_command(
        "generate_network", "--resources", str(resources), "--seed", str(seed), stdout=out, stderr=io.StringIO()
    )
    return out.getvalue()


def test_generated_resources_form_a_valid_tree_and_render(client):
    assert "Generated 120 resources" in generate(120)
    assert all(not problems for problems in Page.find_problems())
    resources = ResourcePage.objects.live()
    assert resources.count() == 120
    assert resources.values("borough").distinct().count() == 33
    page = resources.order_by("?").first()
    assert page.borough_id == page.get_parent().pk
    response = client.get(page.url)
    # Titles such as "children's" are HTML-escaped in the page.
    assert response.status_code == 200 and escape(page.title) in response.content.decode()
    camden = BoroughPage.objects.get(slug="camden")
    assert camden.numchild == camden.get_children().count()


def test_every_resource_has_3_to_8_tags_and_its_facets():
    generate(60)
    per_resource = Counter(ResourcePageTag.objects.values_list("content_object_id", flat=True))
    assert len(per_resource) == 60 and set(per_resource.values()) <= set(range(3, 9))
    for resource in ResourcePage.objects.all():
        assert resource.cp_stages.exists() and resource.audiences.exists()
        assert resource.review_due and resource.summary


def test_generating_again_appends_after_existing_children():
    generate(40, seed=1)
    generate(40, seed=2)
    assert ResourcePage.objects.count() == 80
    assert all(not problems for problems in Page.find_problems())


def test_same_seed_same_content_and_zipf_spread():
    names = tag_names(300)
    first = list(resource_specs(500, 3, names))
    assert first == list(resource_specs(500, 3, names))
    counts = Counter(tag for spec in first for tag in spec.tags)
    assert counts[names[0]] > 5 * counts.get(names[-1], 0) + 1


def test_weighted_sample_is_distinct():
    import random

    picked = weighted_sample(random.Random(1), ["a", "b", "c", "d"], zipf_weights(4), 3)
    assert len(set(picked)) == 3


@pytest.mark.parametrize("args", [("--resources", "0"), ("--tags", "5")])
def test_bad_sizes_are_refused(args):
    with pytest.raises(CommandError):
        call_command("generate_network", *args)
    assert not ResourcePage.objects.exists()
