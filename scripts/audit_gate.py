"""Run pip-audit on the project's virtualenv; fail only on vulnerabilities that have a fix.

A known vulnerability with no fixed release yet is printed as a warning: there is nothing
to upgrade to, and failing CI on it would block every change until upstream acts.
Usage: .venv/bin/python scripts/audit_gate.py
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path


def blocking(report: dict) -> tuple[list[str], list[str]]:
    """(vulnerabilities with a fix, those without), one line each, from pip-audit's JSON."""
    fixable, unfixed = [], []
    for dependency in report.get("dependencies", []):
        for vuln in dependency.get("vulns", []):
            line = f"{dependency['name']} {dependency['version']}: {vuln['id']}"
            if vuln.get("fix_versions"):
                fixable.append(f"{line} (fixed in {', '.join(vuln['fix_versions'])})")
            else:
                unfixed.append(f"{line} (no fix released yet)")
    return fixable, unfixed


def main() -> int:
    audit = Path(sys.executable).with_name("pip-audit")
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "audit.json"
        # pip-audit exits 1 when it finds anything; the JSON decides what that means here.
        run = subprocess.run(  # noqa: S603
            [str(audit), "--format", "json", "--progress-spinner", "off", "--output", str(output)], check=False
        )
        if not output.exists():
            print("pip-audit did not produce a report", file=sys.stderr)
            return run.returncode or 2
        fixable, unfixed = blocking(json.loads(output.read_text()))
    for line in unfixed:
        print(f"warning: {line}")
    for line in fixable:
        print(f"VULNERABLE: {line}", file=sys.stderr)
    print(f"pip-audit: {len(fixable)} fixable, {len(unfixed)} without a fix")
    return 1 if fixable else 0


if __name__ == "__main__":
    sys.exit(main())
