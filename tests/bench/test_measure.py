"""The benchmark's measurements run on a small network and the driver's arithmetic and table hold."""

import io
import os

import pytest
from django.core.management import call_command

from bench.driver import elasticsearch_url, env_for, ratios, render
from bench.http_load import _memory_mb
from bench.measure import page_scenarios, percentiles, run_all

pytestmark = pytest.mark.django_db


def test_percentiles():
    figures = percentiles([float(n) for n in range(1, 101)])
    assert figures["p50"] == 50.5 and figures["p95"] == 96.0 and figures["p99"] == 100.0 and figures["n"] == 100


def test_run_all_measures_every_scenario_on_a_small_network():
    call_command("generate_network", "--resources", "40", stdout=io.StringIO(), stderr=io.StringIO())
    results = run_all(repeat=5, rebuild=True, audits=False)
    assert results["resources"] == 40
    assert results["index rebuild"]["per second"] > 0
    pages = results["pages"]
    assert {"home", "resource page", "borough page", "listing", "search, 3 facets", "typeahead", "tag page"} <= set(
        pages
    )
    cached = {name for name in pages if name.endswith(", cached")}
    assert cached == {
        "home, cached",
        "resource page, cached",
        "borough page, cached",
        "listing, cached",
        "tag page, cached",
    }
    assert all(pages[name]["queries"] == 0 and pages[name]["p50"] > 0 for name in cached)
    assert all(pages[name]["queries"] > 0 and pages[name]["p50"] > 0 for name in set(pages) - cached)
    # Asked again, a search reads only its page of results: no engine call, no facet counts.
    assert pages["search, 3 facets, asked again"]["queries"] < pages["search, 3 facets"]["queries"]
    assert results["engine"]["raw engine"]["p50"] > 0
    assert results["publish one resource"]["n"] == 5


def _run(scale: float) -> dict:
    page = {"p50": 10.0 * scale, "p95": 12.0, "p99": 15.0, "queries": 9}
    return {
        "pages": {
            "search, 3 facets": page,
            "search, 3 facets, asked again": {**page, "p50": 2.5},
            "resource page": page,
        },
        "engine": {"raw engine": {"p50": 5.0}, "facets_ms p50": 2.0},
        "listing vs naive": {"listing": {"p50": 4.0}, "naive listing": {"p50": 16.0}},
        "publish one resource": {"p50": 50.0},
        "index rebuild": {"per second": 900.0},
        "memory after warm-up": {"rss_mb": 120.0},
        "memory after rebuild": {"peak_mb": 150.0},
        "worker memory": {"rss_mb": 110.0 * scale, "peak_mb": 111.0},
    }


def test_ratios_and_table():
    throughput = {"hello": 1000.0, "home, cached": 800.0, "home, uncached": 100.0}
    runs = {"sqlite 1000": _run(1), "sqlite 10000": _run(2), "throughput": throughput}
    figures = ratios(runs, [1000, 10000])
    assert figures["search page (3 facets) ÷ raw engine"] == 4.0
    assert figures["listing ÷ naive listing"] == 0.25
    assert figures["search page (3 facets, asked again) ÷ raw engine"] == 0.5
    assert figures["p50 growth 10,000 ÷ 1,000 (search, 3 facets)"] == 2.0
    assert figures["cached page ÷ bare hello view (req/s, home)"] == 0.8
    assert figures["cached ÷ uncached home (req/s)"] == 8.0
    table = render(
        {"meta": {"commit": "abc", "machine": "test", "seconds": 1}, "runs": runs, "ratios": figures}, [1000, 10000]
    )
    assert "search, 3 facets" in table and "20.0/12.0/15.0 (9)" in table
    worker_row = next(line for line in table.splitlines() if line.startswith("worker RSS after warm-up MB"))
    assert worker_row.split()[-2:] == ["110.0", "220.0"]


def test_elasticsearch_column_ratios_and_table():
    engine = _run(1)
    engine["engine"]["engine took"] = {"p50": 2.0}
    del engine["worker memory"]  # measured for the database columns only
    runs = {"sqlite 1000": _run(1), "sqlite 10000": _run(3), "elasticsearch 10000": engine}
    figures = ratios(runs, [1000, 10000])
    assert figures["Elasticsearch: search page (3 facets) ÷ raw engine"] == 2.0
    assert figures["Elasticsearch: raw engine call ÷ engine's own took"] == 2.5
    assert figures["SQLite ÷ Elasticsearch (search, 3 facets p50, 10,000)"] == 3.0
    table = render(
        {"meta": {"commit": "abc", "machine": "test", "seconds": 1}, "runs": runs, "ratios": figures}, [1000, 10000]
    )
    assert "elasticsearch 10000" in table
    took = next(line for line in table.splitlines() if line.startswith("engine's own took p50 ms"))
    assert took.split()[-3:] == ["—", "—", "2.0"]
    worker = next(line for line in table.splitlines() if line.startswith("worker RSS after warm-up MB"))
    assert worker.split()[-1] == "—"


def test_only_the_elasticsearch_run_searches_the_engine(monkeypatch):
    monkeypatch.setenv("SEARCH_URL", "http://127.0.0.1:9")
    assert env_for("sqlite:///x")["SEARCH_URL"] == ""
    engine = env_for("sqlite:///x", "http://127.0.0.1:9")
    assert engine["SEARCH_URL"] == "http://127.0.0.1:9"
    assert engine["SEARCH_INDEX_PREFIX"] == "exchange-bench-"
    monkeypatch.setenv("BENCH_ELASTICSEARCH_URL", "http://127.0.0.1:8")
    assert elasticsearch_url() == "http://127.0.0.1:8"


def test_the_worker_is_warmed_with_every_page_scenario_and_its_memory_read_from_proc():
    call_command("generate_network", "--resources", "20", stdout=io.StringIO(), stderr=io.StringIO())
    results = run_all(repeat=5, rebuild=False, audits=False)
    assert set(results["page urls"]) == {url for urls in page_scenarios().values() for url in urls}
    memory = _memory_mb(os.getpid())
    assert 10 < memory["rss_mb"] <= memory["peak_mb"]
