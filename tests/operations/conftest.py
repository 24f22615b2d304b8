import copy
import socket

import pytest
from django.db import connections


def closed_port() -> int:
    """A local TCP port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def unreachable_database(tmp_path, monkeypatch):
    """The health checks' database connection points somewhere nothing answers: PostgreSQL on a
    closed port, or an SQLite file in a folder that does not exist. The test's own connection
    (and so the rest of the request) is untouched."""
    default = connections["default"]
    settings_dict = copy.deepcopy(default.settings_dict)
    if default.vendor == "postgresql":
        settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    else:
        settings_dict["NAME"] = str(tmp_path / "no-such-folder" / "db.sqlite3")
    broken = default.__class__(settings_dict, alias="default")
    monkeypatch.setattr("operations.checks.connections", {"default": broken})
    yield broken
    broken.close()
