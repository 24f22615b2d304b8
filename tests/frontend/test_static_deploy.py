"""Static files deploy: every url() in the compiled CSS resolves, and collectstatic with the
production settings hashes and compresses everything (the step that failed on the crest)."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "static" / "dist"
URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")


def compiled_css() -> list[Path]:
    sheets = sorted(DIST.glob("*.css"))
    assert sheets, "static/dist/ has no CSS: run `make assets`"
    return sheets


@pytest.mark.parametrize("sheet", ["exchange.css", "print.css"])
def test_every_url_in_the_compiled_css_is_a_file_the_build_produced(sheet):
    css = (DIST / sheet).read_text()
    for ref in URL.findall(css):
        if ref.startswith("data:"):
            continue
        path = ref.split("?")[0].split("#")[0]
        assert path.startswith("/static/"), f"{sheet} references {ref} outside /static/"
        assert finders.find(path[len("/static/") :]), f"{sheet} references {ref}, which the build does not produce"


def test_the_check_finds_a_missing_reference(tmp_path):
    """The test above cannot pass vacuously: a reference to a file nobody built is found missing."""
    assert URL.findall('a{background:url("/static/dist/govuk/assets/images/missing.svg")}')
    assert not finders.find("dist/govuk/assets/images/missing.svg")


@pytest.fixture(scope="module")
def collected(tmp_path_factory) -> Path:
    static_root = tmp_path_factory.mktemp("static")
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "exchange.settings.production",
            "SECRET_KEY": "collectstatic-test-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "exchange.example",
            "STATIC_ROOT": str(static_root),
        },
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return static_root


def test_collectstatic_with_production_settings_hashes_and_compresses(collected):
    manifest = json.loads((collected / "staticfiles.json").read_text())["paths"]
    for name in ("dist/exchange.css", "dist/print.css", "wagtailadmin/css/core.css"):
        hashed = collected / manifest[name]
        assert hashed.exists() and hashed.name != Path(name).name
        assert Path(f"{hashed}.gz").exists(), f"no gzip copy of {name}"
        assert Path(f"{hashed}.br").exists(), f"no brotli copy of {name}"
    # The hashed stylesheet points at hashed images, so they can be cached for ever.
    css = (collected / manifest["dist/exchange.css"]).read_text()
    crest = manifest["dist/govuk/assets/images/govuk-crest.svg"]
    assert f"/static/{crest}" in css
