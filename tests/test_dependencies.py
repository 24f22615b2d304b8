"""The locks hold the whole dependency set with hashes, and agree with the direct pins they came from."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)", re.M)


def pins(name: str) -> dict[str, str]:
    return {_normal(package): version for package, version in PIN.findall((ROOT / name).read_text())}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_direct_pin_is_locked_at_the_same_version():
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    for package, version in pins("requirements.txt").items():
        assert runtime.get(package) == version, f"{package}=={version}: run `make lock`"
    for package, version in pins("requirements-dev.txt").items():
        assert dev.get(package) == version, f"{package}=={version}: run `make lock`"


def test_the_dev_lock_keeps_every_runtime_version():
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert {p: v for p, v in dev.items() if p in runtime} == runtime


def test_every_locked_package_carries_its_hashes():
    for name in ("requirements.lock", "requirements-dev.lock"):
        entries = re.split(r"\n(?=[A-Za-z0-9])", (ROOT / name).read_text())
        locked = [entry for entry in entries if PIN.match(entry)]
        assert len(locked) > 50, name
        for entry in locked:
            assert "--hash=sha256:" in entry, f"{name}: {entry.splitlines()[0]} has no hash"
