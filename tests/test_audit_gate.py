"""scripts/audit_gate.py fails CI only on vulnerabilities that have a fixed release."""

import importlib.util
from pathlib import Path

SPEC = importlib.util.spec_from_file_location("audit_gate", Path(__file__).parents[1] / "scripts" / "audit_gate.py")
audit_gate = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(audit_gate)


def test_fixable_vulnerabilities_block_and_unfixed_ones_warn():
    report = {
        "dependencies": [
            {"name": "django", "version": "5.2.0", "vulns": [{"id": "PYSEC-1", "fix_versions": ["5.2.1"]}]},
            {"name": "somelib", "version": "1.0", "vulns": [{"id": "GHSA-2", "fix_versions": []}]},
            {"name": "clean", "version": "2.0", "vulns": []},
        ]
    }
    fixable, unfixed = audit_gate.blocking(report)
    assert fixable == ["django 5.2.0: PYSEC-1 (fixed in 5.2.1)"]
    assert unfixed == ["somelib 1.0: GHSA-2 (no fix released yet)"]


def test_clean_report_blocks_nothing():
    assert audit_gate.blocking({"dependencies": [{"name": "x", "version": "1", "vulns": []}]}) == ([], [])
