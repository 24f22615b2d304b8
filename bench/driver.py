"""`make bench`: build (or reuse) synthetic networks, measure each, and print the figures side by side.

    python -m bench.driver                 # 1k and 10k resources on SQLite
    BENCH_FULL=1 python -m bench.driver    # and 50k
    BENCH_POSTGRES_URL=postgresql://... python -m bench.driver   # every size on PostgreSQL too (its schema is emptied)
    BENCH_ELASTICSEARCH_URL=http://127.0.0.1:9201 python -m bench.driver   # also 10k with Elasticsearch
                                                                          # (SEARCH_URL works too)

Networks are generated once per size, seed and migration state and kept as SQLite snapshots in
.cache/bench/, so later runs skip generation. Results go to bench/results.json.
"""

import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.http_load import measure_throughput, measure_worker_memory

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "bench"
SEED = 1
ES_SIZE = 10000  # the network measured with Elasticsearch (issue 8's target is at 10k)
PYTHON = sys.executable


def main() -> int:
    sizes = [1000, 10000] + ([50000] if os.environ.get("BENCH_FULL") else [])
    repeat = int(os.environ.get("BENCH_REPEAT", "30"))
    started = time.perf_counter()
    runs: dict[str, Any] = {}
    work = Path(tempfile.mkdtemp(prefix="exchange-bench-"))
    try:
        for size in sizes:
            database = work / f"net-{size}.sqlite3"
            shutil.copy(snapshot(size), database)
            url = f"sqlite:///{database}"
            runs[f"sqlite {size}"] = measure(url, repeat, label=f"{size:,} resources, SQLite")
            runs[f"sqlite {size}"]["worker memory"] = worker_memory(url, runs[f"sqlite {size}"])
            if size == sizes[0]:
                runs["throughput"] = measure_throughput(env_for(url))
        postgres = os.environ.get("BENCH_POSTGRES_URL")
        for size in sizes if postgres else []:
            _reset_postgres(postgres)
            _build(postgres, size)
            runs[f"postgresql {size}"] = measure(postgres, repeat, label=f"{size:,} resources, PostgreSQL")
            runs[f"postgresql {size}"]["worker memory"] = worker_memory(postgres, runs[f"postgresql {size}"])
        engine = elasticsearch_url()
        if engine:
            # The same 10k network (a fresh copy of its snapshot), searched through Elasticsearch.
            database = work / f"net-{ES_SIZE}-elasticsearch.sqlite3"
            shutil.copy(snapshot(ES_SIZE), database)
            runs[f"elasticsearch {ES_SIZE}"] = measure(
                f"sqlite:///{database}",
                repeat,
                label=f"{ES_SIZE:,} resources, SQLite + Elasticsearch",
                search_url=engine,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results = {"meta": meta(repeat, time.perf_counter() - started), "runs": runs, "ratios": ratios(runs, sizes)}
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2))
    print(render(results, sizes))
    return 0


def elasticsearch_url() -> str:
    return os.environ.get("BENCH_ELASTICSEARCH_URL") or os.environ.get("SEARCH_URL", "")


def env_for(database_url: str, search_url: str = "") -> dict[str, str]:
    """The environment of one measured process: the database backend unless ``search_url`` is given
    (a SEARCH_URL in the caller's environment must not turn the database columns into engine ones)."""
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "exchange.settings.bench"}
    env["SEARCH_URL"] = search_url
    if search_url:
        # Indexes of their own, so the benchmark's rebuild never replaces a development index.
        env["SEARCH_INDEX_PREFIX"] = "exchange-bench-"
    return env


def manage(database_url: str, *args: str, search_url: str = "") -> None:
    env = env_for(database_url, search_url)
    subprocess.run([PYTHON, str(ROOT / "manage.py"), *args], env=env, check=True, cwd=ROOT)


def snapshot(size: int) -> Path:
    """A migrated database holding the generated network (no search index), built once and reused."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"net-{size}-seed{SEED}-{migrations_key()}.sqlite3"
    if not path.exists():
        print(f"Generating {size:,} resources (cached in {path.relative_to(ROOT)})...", file=sys.stderr)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        _build(f"sqlite:///{partial}", size)
        partial.rename(path)
    return path


def _build(database_url: str, size: int) -> None:
    manage(database_url, "migrate", "--no-input", "-v0")
    manage(database_url, "generate_network", "--resources", str(size), "--seed", str(SEED))


def _reset_postgres(database_url: str) -> None:
    """An empty database for each size: the generator adds to whatever is there."""
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1), autocommit=True) as db:
        db.execute("DROP SCHEMA public CASCADE")
        db.execute("CREATE SCHEMA public")


def migrations_key() -> str:
    """Changes whenever a migration or the generator changes, so a stale snapshot is never used
    (and only then: changing how figures are measured keeps the snapshots)."""
    generator = [
        ROOT / "bench" / name for name in ("generate.py", "synthetic.py", "management/commands/generate_network.py")
    ]
    digest = hashlib.sha256()
    for path in sorted([*ROOT.glob("*/migrations/*.py"), *generator]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def measure(database_url: str, repeat: int, label: str, search_url: str = "") -> dict[str, Any]:
    print(f"Measuring {label}...", file=sys.stderr)
    with tempfile.NamedTemporaryFile(suffix=".json") as output:
        args = ("run_bench", "--rebuild", "--repeat", str(repeat), "--output", output.name)
        manage(database_url, *args, search_url=search_url)
        return json.loads(Path(output.name).read_text())


def worker_memory(database_url: str, run: dict[str, Any]) -> dict[str, float]:
    print("Measuring a gunicorn worker's memory...", file=sys.stderr)
    return measure_worker_memory(env_for(database_url), run["page urls"])


def ratios(runs: dict[str, Any], sizes: list[int]) -> dict[str, float | None]:
    first = runs[f"sqlite {sizes[0]}"]
    last = runs[f"sqlite {sizes[-1]}"]
    big = runs[f"sqlite {sizes[1]}"] if len(sizes) > 1 else first
    pages = big["pages"]
    out: dict[str, float | None] = {
        "search page (3 facets) ÷ raw engine": _div(
            pages["search, 3 facets"]["p50"], big["engine"]["raw engine"]["p50"]
        ),
        "listing ÷ naive listing": _div(
            big["listing vs naive"]["listing"]["p50"], big["listing vs naive"]["naive listing"]["p50"]
        ),
        f"p50 growth {sizes[-1]:,} ÷ {sizes[0]:,} (search, 3 facets)": _div(
            last["pages"]["search, 3 facets"]["p50"], first["pages"]["search, 3 facets"]["p50"]
        ),
        f"p50 growth {sizes[-1]:,} ÷ {sizes[0]:,} (resource page)": _div(
            last["pages"]["resource page"]["p50"], first["pages"]["resource page"]["p50"]
        ),
    }
    throughput = runs.get("throughput", {})
    out["cached page ÷ bare hello view (req/s, home)"] = _div(throughput.get("home, cached"), throughput.get("hello"))
    out["cached ÷ uncached home (req/s)"] = _div(throughput.get("home, cached"), throughput.get("home, uncached"))
    out["search page (3 facets, asked again) ÷ raw engine"] = _div(
        pages["search, 3 facets, asked again"]["p50"], big["engine"]["raw engine"]["p50"]
    )
    postgres = runs.get(f"postgresql {sizes[0]}")
    if postgres:
        out["SQLite ÷ PostgreSQL (search, 3 facets p50)"] = _div(
            first["pages"]["search, 3 facets"]["p50"], postgres["pages"]["search, 3 facets"]["p50"]
        )
    engine = runs.get(f"elasticsearch {ES_SIZE}")
    sqlite = runs.get(f"sqlite {ES_SIZE}")
    if engine:
        search_page = engine["pages"]["search, 3 facets"]
        out["Elasticsearch: search page (3 facets) ÷ raw engine"] = _div(
            search_page["p50"], engine["engine"]["raw engine"]["p50"]
        )
        out["Elasticsearch: raw engine call ÷ engine's own took"] = _div(
            engine["engine"]["raw engine"]["p50"], engine["engine"].get("engine took", {}).get("p50")
        )
        if sqlite:
            out[f"SQLite ÷ Elasticsearch (search, 3 facets p50, {ES_SIZE:,})"] = _div(
                sqlite["pages"]["search, 3 facets"]["p50"], search_page["p50"]
            )
    return out


def _div(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a and b else None


def meta(repeat: int, seconds: float) -> dict[str, Any]:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    cpu = next((line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo") if line.startswith("model name")), "")
    memory = next((line.split()[1] for line in _lines("/proc/meminfo") if line.startswith("MemTotal")), "0")
    engine = (
        f"; elasticsearch column: search.backends.elasticsearch at {elasticsearch_url()}" if elasticsearch_url() else ""
    )
    return {
        "commit": commit.stdout.strip(),
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{os.cpu_count()} cores, {cpu}, {int(memory) // 1024 // 1024} GB, {platform.platform()}",
        "python": platform.python_version(),
        "settings": "exchange.settings.bench (DEBUG off, page cache on), database search backend" + engine,
        "repeat": repeat,
        "seconds": round(seconds, 1),
    }


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def render(results: dict[str, Any], sizes: list[int]) -> str:
    runs = results["runs"]
    columns = [key for key in runs if key != "throughput"]
    lines = [f"Benchmark {results['meta']['commit']} — {results['meta']['machine']}", ""]
    lines.append(f"{'p50 / p95 / p99 ms (queries)':32}" + "".join(f"{c:>26}" for c in columns))
    for scenario in runs[columns[0]]["pages"]:
        cells = []
        for column in columns:
            f = runs[column]["pages"][scenario]
            cells.append(f"{f['p50']:.1f}/{f['p95']:.1f}/{f['p99']:.1f} ({f['queries']})")
        lines.append(f"{scenario:32}" + "".join(f"{cell:>26}" for cell in cells))
    rows = {
        "raw engine p50 ms": lambda r: r["engine"]["raw engine"]["p50"],
        "engine's own took p50 ms": lambda r: r["engine"].get("engine took", {}).get("p50", "—"),
        "facets p50 ms (3 facets)": lambda r: round(r["engine"]["facets_ms p50"], 1),
        "listing p50 ms": lambda r: r["listing vs naive"]["listing"]["p50"],
        "naive listing p50 ms": lambda r: r["listing vs naive"]["naive listing"]["p50"],
        "publish one resource p50 ms": lambda r: r["publish one resource"]["p50"],
        "index rebuild resources/s": lambda r: r["index rebuild"]["per second"],
        "worker RSS after warm-up MB": lambda r: r["worker memory"]["rss_mb"],
        "bench process RSS MB": lambda r: r["memory after warm-up"]["rss_mb"],
        "peak RSS in rebuild MB": lambda r: r["memory after rebuild"]["peak_mb"],
        # A round of 33 boroughs x 200 returns x 40 questions, measured beside the smallest network.
        "audit findings p50/p95 ms (q)": lambda r: "{p50:.0f}/{p95:.0f} ({queries})".format(
            **r["audits"]["findings page"]
        ),
        "audit findings JSON p50/p95 ms": lambda r: "{p50:.0f}/{p95:.0f}".format(**r["audits"]["findings json"]),
        "audit CSV of 6,600 returns s / MB": lambda r: "{seconds} / {peak traced MB}".format(
            **r["audits"]["csv export"]
        ),
    }
    lines.append("")
    for name, pick in rows.items():
        lines.append(f"{name:32}" + "".join(f"{_cell(pick, runs[c]):>26}" for c in columns))
    if "throughput" in runs:
        lines += ["", "Throughput over HTTP, 1 gunicorn worker on core 0, load on core 1 (requests/s):"]
        lines += [f"  {name:30}{value}" for name, value in runs["throughput"].items()]
    lines += ["", "Ratios (judged on these, measured side by side in this run):"]
    lines += [f"  {name:58}{value}" for name, value in results["ratios"].items()]
    lines += ["", f"Written to bench/results.json ({results['meta']['seconds']} s)."]
    return "\n".join(lines)


def _audit(run: dict[str, Any], name: str, shape: str) -> str:
    return shape.format(**run["audits"][name])


def _cell(pick: Any, run: dict[str, Any]) -> Any:
    """A figure, or a dash where this column does not measure it (the Elasticsearch column starts
    no gunicorn worker of its own)."""
    try:
        return pick(run)
    except KeyError:
        return "—"


if __name__ == "__main__":
    sys.exit(main())
