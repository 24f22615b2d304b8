"""In-process measurements for one database: latency percentiles and SQL queries per request for each
public page, the engine's raw time, facet cost, publishing, index rebuild and memory.

Runs inside Django (`manage.py run_bench`); the driver (bench/driver.py) runs it once per
network size and database and puts the results side by side.
"""

import gc
import random
import statistics
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import reset_queries
from django.http import QueryDict
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import override_settings
from taggit.models import Tag
from wagtail.search.backends import get_search_backend

from bench.audits import measure_audits
from bench.timing import ok, percentiles, queries, timed
from resources.models import BoroughPage, ResourcePage
from search.params import SearchParams
from search.services import search

QUERY = "neglect"


def page_scenarios(seed: int = 1) -> dict[str, list[str]]:
    """URL lists per scenario; several URLs each, so one lucky page does not decide the figure."""
    rng = random.Random(seed)  # noqa: S311 -- reproducible choice of pages, not secrets
    resources = list(ResourcePage.objects.live().values_list("url_path", flat=True)[:2000])
    sample = [_public(path) for path in rng.sample(resources, min(20, len(resources)))]
    boroughs = [_public(p) for p in BoroughPage.objects.values_list("url_path", flat=True)[:10]]
    tags = list(Tag.objects.order_by("pk").values_list("slug", flat=True)[:10])
    camden = "camden"
    return {
        "home": ["/"],
        "resource page": sample,
        "borough page": boroughs,
        "listing": ["/resources/", "/resources/?type=practice-guidance", "/resources/?page=3"],
        "search, 0 facets": [f"/search/?q={QUERY}"],
        "search, 1 facet": [f"/search/?q={QUERY}&borough={camden}"],
        "search, 3 facets": [f"/search/?q={QUERY}&borough={camden}&type=practice-guidance&stage=section-47"],
        "typeahead": ["/search/suggest/?q=negl", "/search/suggest/?q=strat"],
        "tag page": [f"/tags/{slug}/" for slug in tags],
    }


def _public(url_path: str) -> str:
    # Page url_paths start with the home page's slug, which the site root hides.
    return "/" + url_path.strip("/").split("/", 1)[1] + "/"


def measure_pages(repeat: int) -> dict[str, dict[str, float]]:
    """Each page rendered every time (the page cache off: what a miss or a member costs), then
    the cached pages an anonymous visitor gets, which must cost no queries at all."""
    client = Client()
    results = {}
    scenarios = page_scenarios()
    with override_settings(CACHE_SECONDS=0, SEARCH_CACHE_SECONDS=0):
        for name, urls in scenarios.items():
            results[name] = _measure_urls(client, urls, repeat)
    # The same searches asked again: the kept answer (search/answers.py) skips the engine and the
    # facet counts; the page of results is still read and rendered every time.
    with override_settings(CACHE_SECONDS=0, SEARCH_CACHE_SECONDS=600):
        cache.clear()
        for name in ANSWERED_SCENARIOS:
            results[f"{name}, asked again"] = _measure_urls(client, scenarios[name], repeat)
    with override_settings(CACHE_SECONDS=600):
        cache.clear()
        for name in CACHED_SCENARIOS:
            urls = scenarios[name]
            for url in urls:
                client.get(url)  # fill the cache
            results[f"{name}, cached"] = _measure_urls(client, urls, repeat)
    return results


# Searches whose answers are kept (search/answers.py).
ANSWERED_SCENARIOS = ("search, 0 facets", "search, 3 facets")
# Pages the page cache serves to anonymous visitors (HTML searches are never cached).
CACHED_SCENARIOS = ("home", "resource page", "borough page", "listing", "tag page")


def _measure_urls(client: Client, urls: list[str], repeat: int) -> dict[str, float]:
    cycle = iter(urls * (repeat + 1))
    figures = timed(lambda: ok(client.get(next(cycle))), repeat)
    figures["queries"] = max(queries(client, url) for url in urls)
    return figures


def measure_engine(repeat: int) -> dict[str, Any]:
    """The backend's own search call for the same query (and, on Elasticsearch, the engine's own
    `took` from the same responses), and the search service's split."""
    backend = get_search_backend()
    took: list[float] = []

    def raw_call() -> None:
        results = backend.search(QUERY, ResourcePage.objects.live())[:20]
        list(results)
        if hasattr(results, "took_ms"):  # search.backends.elasticsearch keeps what the engine reported
            took.append(results.took_ms)

    raw = timed(raw_call, repeat)
    three = SearchParams.from_querydict(QueryDict(f"q={QUERY}&borough=camden&type=practice-guidance&stage=section-47"))
    with override_settings(SEARCH_CACHE_SECONDS=0):  # the service's own split, not a kept answer
        responses = [search(three, log=False) for _ in range(repeat)]
    if any(response.degraded for response in responses):
        # The page answered from the database backend: these would not be the engine's figures.
        raise RuntimeError("the search engine failed during the benchmark (the service fell back to the database)")
    split = [response.timings for response in responses]
    figures = {
        "raw engine": raw,
        "service engine_ms p50": statistics.median(t["engine_ms"] for t in split),
        "facets_ms p50": statistics.median(t["facets_ms"] for t in split),
    }
    if took:
        figures["engine took"] = percentiles(took[1:])  # the first call was the warm-up
    return figures


def measure_listing(repeat: int) -> dict[str, Any]:
    """The listing as built (select_related + prefetch) against a naive one over the same rows."""

    def built() -> str:
        rows = list(ResourcePage.objects.live().newest().for_listing()[:20])
        return render_to_string("bench/listing.html", {"resources": rows})

    def naive() -> str:
        rows = list(ResourcePage.objects.live().order_by("-published_date", "-pk")[:20])
        return render_to_string("bench/listing.html", {"resources": rows})

    return {"listing": timed(built, repeat), "naive listing": timed(naive, repeat)}


def measure_publish(repeat: int) -> dict[str, float]:
    """Publishing one resource, including its search-index update (autocommit: on_commit runs at once)."""
    pages = list(ResourcePage.objects.live().order_by("pk")[: repeat + 1])
    cycle = iter(pages)

    def publish() -> None:
        page = next(cycle)
        page.summary = page.summary[:390] + " (rev)"
        page.save_revision().publish()

    return timed(publish, repeat)


def measure_rebuild() -> dict[str, float]:
    count = ResourcePage.objects.live().count()
    # With Elasticsearch configured, its index alone (the database backend is only its fallback).
    only = {"backend_name": "default"} if settings.SEARCH_URL else {}
    started = time.perf_counter()
    call_command("update_index", verbosity=0, **only)
    seconds = time.perf_counter() - started
    return {"resources": count, "seconds": round(seconds, 1), "per second": round(count / seconds, 1)}


def rss_mb() -> dict[str, float]:
    """Current and peak resident memory of this process (Linux /proc)."""
    fields = {}
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(("VmRSS", "VmHWM")):
                name, value = line.split(":")
                fields[name] = round(int(value.split()[0]) / 1024, 1)
    return {"rss_mb": fields.get("VmRSS", 0.0), "peak_mb": fields.get("VmHWM", 0.0)}


def run_all(repeat: int, rebuild: bool, audits: bool = True) -> dict[str, Any]:
    reset_queries()
    results: dict[str, Any] = {"resources": ResourcePage.objects.live().count()}
    if rebuild:
        results["index rebuild"] = measure_rebuild()
        results["memory after rebuild"] = rss_mb()
    # As a worker does once it has loaded (exchange/wsgi.py): what is alive now stays alive, and
    # full garbage collections need not walk it during the measurements.
    gc.collect()
    gc.freeze()
    results["pages"] = measure_pages(repeat)
    # The driver warms a real gunicorn worker with these and reads its memory (bench/http_load.py).
    results["page urls"] = [url for urls in page_scenarios().values() for url in urls]
    results["memory after warm-up"] = rss_mb()
    results["engine"] = measure_engine(repeat)
    results["listing vs naive"] = measure_listing(repeat)
    results["publish one resource"] = measure_publish(min(repeat, 20))
    if audits and results["resources"] <= AUDIT_BESIDE:
        results["audits"] = measure_audits(repeat)
    return results


# The audit round is measured once per database, beside the smallest network (its cost does not
# depend on the number of resources).
AUDIT_BESIDE = 2000
