"""Browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium) against the real site.

The site is served by `manage.py runserver` in a separate process, on its own SQLite database
with the demo network loaded once per session: realistic content, and the server never shares
a connection with the test process. Playwright never downloads a browser of its own.

Without Chromium these tests are skipped with a reason; with REQUIRE_BROWSER=1 (CI sets it)
a missing browser is a failure instead.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
# Root (as in CI) cannot use Chromium's sandbox; the rest keeps Chromium off the network,
# which this machine refuses anyway.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.hookimpl(trylast=True)  # after pytest-django has sorted the items by database use
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    chromium_missing = not Path(CHROMIUM).exists()
    browser_items = []
    for item in items:
        if here not in Path(str(item.fspath)).parents:
            continue
        browser_items.append(item)
        item.add_marker(pytest.mark.browser)
        if chromium_missing and os.environ.get("REQUIRE_BROWSER") != "1":
            item.add_marker(pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"))
    # Playwright's sync API leaves an event loop running in this thread for the rest of the
    # session, and Django then refuses database access ("async context"). The browser tests
    # never touch the test database, so running them last keeps every other test as it was
    # (instead of switching Django's check off with DJANGO_ALLOW_ASYNC_UNSAFE).
    if browser_items:
        ids = {id(item) for item in browser_items}
        items[:] = [item for item in items if id(item) not in ids] + browser_items


@pytest.fixture(scope="session")
def _chromium_present() -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"REQUIRE_BROWSER=1 but there is no Chromium at {CHROMIUM}: apt-get install chromium chromium-driver"
        )


@pytest.fixture(scope="session")
def browser_type_launch_args(_chromium_present, browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(env: dict[str, str], *args: str) -> None:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)  # noqa: S603
    if result.returncode:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")


@pytest.fixture(scope="session")
def site_mail_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the test server writes every email it sends, one file per connection."""
    return tmp_path_factory.mktemp("browser-mail")


@pytest.fixture(scope="session")
def live_site(tmp_path_factory: pytest.TempPathFactory, site_mail_dir: Path, _chromium_present) -> Iterator[str]:
    """The exchange with the demo network, served at the returned address for the whole session."""
    workdir = tmp_path_factory.mktemp("browser-site")
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "exchange.settings.test",
        # Always its own SQLite file, even when the suite itself runs on PostgreSQL.
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "TEST_MEDIA_ROOT": str(workdir / "media"),
        "SEARCH_URL": "",
        "TEST_EMAIL_FILE_PATH": str(site_mail_dir),
        "PYTHONUNBUFFERED": "1",
        "PYTHONPATH": str(ROOT),
        # Passkeys: browsers refuse an IP address as the relying party, so the passkey journey
        # reaches this same server as localhost (tests/browser/test_passkeys.py).
        "OTP_WEBAUTHN_RP_ID": "localhost",
        "OTP_WEBAUTHN_ALLOWED_ORIGINS": f"http://localhost:{port}",
    }
    python = sys.executable
    _run(env, python, "manage.py", "migrate", "--no-input")
    _run(env, python, "manage.py", "load_demo")
    _run(env, python, "tests/browser/seed.py")
    log = (workdir / "server.log").open("w")
    server = subprocess.Popen(  # noqa: S603
        [python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/robots.txt", timeout=2)  # noqa: S310
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the test server did not start: see {workdir / 'server.log'}") from None
                time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict, live_site: str) -> dict:
    return {**browser_context_args, "base_url": live_site, "accept_downloads": True}


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Screenshots for people to look at (test-artifacts/ is git-ignored)."""
    path = ARTIFACTS / "screenshots"
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path
