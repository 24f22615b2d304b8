"""The floors of the house (pyproject.toml's import-linter contracts, docs/conventions.md).

A package imports only from floors below its own, nothing imports demo/ or bench/, every
top-level package is on a floor, and an import hidden inside a function is rare and says why.
"""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
PACKAGES = set(CONFIG["root_packages"])
NOT_PROJECT_CODE = {"tests", "scripts", "node_modules", "static", "templates", "docs", "deploy", "media"}
# Imports inside functions that the floors cannot remove (Wagtail serves and routes pages from
# their models, and what answers them needs the models). A new one needs a reason, not a bump.
MAX_FUNCTION_IMPORTS = 9


def test_every_contract_is_kept():
    # In its own process: import-linter sets up logging for itself, which would silence the loggers
    # later tests read.
    checked = subprocess.run(  # noqa: S603 - the project's own checker
        [str(Path(sys.executable).with_name("lint-imports")), "pyproject.toml", "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout[-3000:]


def test_every_top_level_package_is_on_a_floor():
    packages = {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in NOT_PROJECT_CODE and not path.parent.name.startswith(".")
    }
    assert packages == PACKAGES


def _function_imports() -> list[tuple[str, int, list[str]]]:
    """(file, line, the source lines up to four above it) of each project import inside a function,
    other than AppConfig.ready(), where Django wants signal modules imported."""
    found = []
    for path in sorted(ROOT.glob("*/**/*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] not in PACKAGES or "migrations" in relative.parts:
            continue
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or node.name == "ready":
                continue
            for statement in ast.walk(node):
                if isinstance(statement, ast.ImportFrom):
                    module = "." * statement.level + (statement.module or "")
                elif isinstance(statement, ast.Import):
                    module = statement.names[0].name
                else:
                    continue
                if module.startswith(".") or module.split(".")[0] in PACKAGES:
                    context = lines[max(0, statement.lineno - 5) : statement.lineno]
                    found.append((str(relative), statement.lineno, context))
    return sorted({(file, line, tuple(context)) for file, line, context in found})


def test_imports_inside_functions_are_few_and_each_says_why():
    found = _function_imports()
    assert len(found) <= MAX_FUNCTION_IMPORTS, [f"{file}:{line}" for file, line, _ in found]
    # A comment on the import or just above it, or the function's docstring, says why.
    silent = [
        f"{file}:{line}" for file, line, context in found if not any("#" in text or '"""' in text for text in context)
    ]
    assert silent == []
