"""No public listing reads a whole big table: EXPLAIN on PostgreSQL for every query the listing,
borough, tag and facet-count pages really run.

The SQL is captured from real requests (so it is what the querysets build, prefetches and counts
included, never a hand-written copy), on a generated network, after ANALYZE. Sequential scans are
switched off for the session: PostgreSQL then still plans a Seq Scan only where no index can
serve the query, which is what this test looks for. (At a few thousand rows a sequential scan is
often the cheaper plan and PostgreSQL rightly picks it; at 50,000 resources it would not be.)

Runs on PostgreSQL only: stage 3 of .ci/run runs the suite with DATABASE_URL pointing at one.
"""

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.generate import generate_network
from resources.models import BoroughPage, ResourcePage

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN plans are PostgreSQL's; CI runs on it"),
]

# Tables that grow with the network: every resource has a page row, a resource row, 3-8 tag rows
# and a row per facet value.
BIG_TABLES = {
    "wagtailcore_page",
    "resources_resourcepage",
    "resources_resourcepagetag",
    "resources_resourcepage_cp_stages",
    "resources_resourcepage_sos_elements",
    "resources_resourcepage_audiences",
    "resources_adoption",
}


def plan_nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("Plans", []):
        yield from plan_nodes(child)


def seq_scans_on_big_tables(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return [
        node["Relation Name"]
        for node in plan_nodes(plan[0]["Plan"])
        if node["Node Type"] == "Seq Scan" and node.get("Relation Name") in BIG_TABLES
    ]


@pytest.fixture
def network(db):
    generate_network(1000, seed=11)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return ResourcePage.objects.live()


def test_listing_borough_tag_and_facet_queries_use_indexes(client, network):
    resource = network.exclude(tags=None).order_by("pk").first()
    tag = resource.tags.order_by("pk").first()
    stage = resource.cp_stages.order_by("pk").first()
    camden = BoroughPage.objects.get(slug="camden")
    urls = [
        "/resources/",
        f"/resources/?tag={tag.slug}",
        f"/resources/?borough=camden&type={resource.resource_type}",
        f"/resources/?tag={tag.slug}&page=2",
        camden.url,
        f"/tags/{tag.slug}/",
        f"/search/?stage={stage.slug}&type={resource.resource_type}",
        resource.url,
    ]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # undone when the test's transaction rolls back
    # The check can fail: a filter no index serves is still planned as a Seq Scan.
    assert seq_scans_on_big_tables("SELECT page_ptr_id FROM resources_resourcepage WHERE summary = 'x'") == [
        "resources_resourcepage"
    ]
    scans: list[str] = []
    checked = 0
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200, url
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            checked += 1
            scans += [f"{url}: Seq Scan on {table} in {sql[:300]}" for table in seq_scans_on_big_tables(sql)]
    assert checked > 20  # the pages really ran their queries
    assert not scans, "\n".join(scans)
