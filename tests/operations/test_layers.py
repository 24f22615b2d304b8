"""operations/ is a leaf: it may use Django, django-tasks, Wagtail's search API and the standard
library, never another app of the project (DESIGN.md's layers)."""

import ast
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "operations"
ALLOWED = {"django", "django_tasks", "wagtail", "operations"}


def imported_packages(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_operations_imports_no_other_app_of_the_project():
    for path in APP.rglob("*.py"):
        foreign = imported_packages(path) - ALLOWED - set(sys.stdlib_module_names)
        assert not foreign, f"{path.relative_to(APP.parent)} imports {sorted(foreign)}"
