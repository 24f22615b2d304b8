"""deploy/: the systemd units are what deploy/jobs.toml generates, systemd accepts them, every job
is a real management command, and nginx accepts the site file."""

import importlib.util
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands, load_command_class

ROOT = Path(__file__).resolve().parents[2]
SPEC = importlib.util.spec_from_file_location("deploy_units", ROOT / "scripts" / "deploy_units.py")
deploy_units = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(deploy_units)

CONFIG = deploy_units.load()
SITE = ROOT / "deploy" / "nginx" / "practice-exchange.conf"
SYSTEMD_ANALYZE = shutil.which("systemd-analyze") or "/usr/bin/systemd-analyze"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# Commands that issue 14's other half adds (the task queue, the search log and email retention).
# Strict: once one exists this test passes unexpectedly and fails, so the list only shrinks.


def test_committed_units_are_what_jobs_toml_generates():
    committed = {path.name: path.read_text() for path in (ROOT / "deploy" / "systemd").iterdir()}
    assert committed == deploy_units.render(CONFIG), "run scripts/deploy_units.py and commit deploy/systemd/"


def test_every_job_has_a_service_and_a_timer_on_its_schedule():
    units = deploy_units.render(CONFIG)
    for name, job in CONFIG["jobs"].items():
        assert f"manage.py {name}" in units[f"exchange-{name}.service"]
        assert f"\nOnCalendar={job['schedule']}\n" in units[f"exchange-{name}.timer"]


def test_a_job_without_a_schedule_is_refused(tmp_path):
    broken = tmp_path / "jobs.toml"
    broken.write_text('[install]\nroot = "/srv/x"\n[jobs.retry_emails]\ndescription = "x"\n')
    with pytest.raises(ValueError, match="retry_emails lacks schedule"):
        deploy_units.load(broken)


@pytest.mark.parametrize("command", ["db_worker", *CONFIG["jobs"]])
def test_every_unit_runs_a_real_management_command(command, settings):
    # The units run with production's queue (django-tasks-db), whose commands check for it.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    commands = get_commands()
    assert command in commands, f"manage.py {command} does not exist"
    args = CONFIG["jobs"].get(command, {}).get("args", [])
    parser = load_command_class(commands[command], command).create_parser("manage.py", command)
    parser.parse_args(args)  # exits (SystemExit) on an argument the command does not take


@pytest.fixture
def units_here(tmp_path):
    """The units with the install folder rewritten to this checkout, whose .venv has the
    programs they start: systemd checks that each ExecStart is executable."""
    folder = tmp_path / "units"
    folder.mkdir()
    for name, text in deploy_units.render(CONFIG).items():
        (folder / name).write_text(text.replace(CONFIG["install"]["root"], str(ROOT)))
    return folder


def needs(program: str, package: str) -> None:
    """Skip, saying what to install, when `program` is missing; fail instead with
    REQUIRE_DEPLOY_TOOLS=1 (CI), where a missing tool must not pass unnoticed."""
    if Path(program).exists():
        return
    message = f"{program} missing: apt-get install {package}"
    if os.environ.get("REQUIRE_DEPLOY_TOOLS") == "1":
        pytest.fail(f"REQUIRE_DEPLOY_TOOLS=1 but {message}")
    pytest.skip(message)


def test_systemd_accepts_every_unit(units_here):
    needs(SYSTEMD_ANALYZE, "systemd")
    names = sorted(path.name for path in units_here.iterdir())
    result = subprocess.run(  # noqa: S603 - Debian's systemd-analyze on our own files
        [SYSTEMD_ANALYZE, "verify", "--man=no", *names],
        cwd=units_here,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    # systemd only warns about an unknown key or a bad value it ignores: those fail here too.
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def test_systemd_verify_notices_a_missing_program(units_here):
    """The check above can fail: a unit whose program is missing is refused."""
    needs(SYSTEMD_ANALYZE, "systemd")
    service = units_here / "exchange-retry_emails.service"
    service.write_text(service.read_text().replace(str(ROOT), "/nonexistent"))
    result = subprocess.run(  # noqa: S603 - Debian's systemd-analyze on our own files
        [SYSTEMD_ANALYZE, "verify", "--man=no", service.name],
        cwd=units_here,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "not executable" in result.stderr


def site_text() -> str:
    return SITE.read_text()


def test_nginx_body_limit_is_the_upload_limit_plus_a_margin():
    [limit] = re.findall(r"^\s*client_max_body_size (\d+)m;", site_text(), flags=re.MULTILINE)
    upload = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    assert upload < int(limit) * 1024 * 1024 <= upload + 2 * 1024 * 1024


def test_nginx_never_serves_documents_from_media_root():
    served = re.findall(r"^\s*(?:alias|root)\s+(\S+);", site_text(), flags=re.MULTILINE)
    media = [path for path in served if "/media" in path]
    assert media and all(path.endswith(("/media/images/", "/media/original_images/")) for path in media)
    assert re.search(r"location /media/ \{\s*return 404;\s*\}", site_text())


def test_nginx_proxies_to_the_socket_systemd_listens_on():
    socket = CONFIG["install"]["socket"]
    assert f"server unix:{socket} " in site_text()
    assert f"ListenStream={socket}\n" in deploy_units.render(CONFIG)["exchange-web.socket"]
    for header in ("X-Forwarded-Proto", "X-Forwarded-For", "X-Forwarded-Host", "X-Request-ID"):
        assert site_text().count(f"proxy_set_header {header} ") == 2, header  # both servers


def test_nginx_accepts_the_site_file(tmp_path):
    needs(NGINX, "nginx-light")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    openssl = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=test"]
    subprocess.run(  # noqa: S603 - a throwaway self-signed certificate for the TLS placeholders
        [*openssl, "-keyout", str(key), "-out", str(cert)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    site = tmp_path / "site.conf"
    site.write_text(
        site_text()
        .replace("/etc/ssl/certs/practice-exchange.example.pem", str(cert))
        .replace("/etc/ssl/private/practice-exchange.example.key", str(key))
        .replace("/var/log/nginx/", f"{tmp_path}/")
    )
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  access_log {tmp_path}/access.log;\n  include {site};\n}}\n"
    )
    result = subprocess.run(  # noqa: S603 - Debian's nginx testing our own configuration
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(main), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr
