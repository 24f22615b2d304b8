"""Path traversal in import attachments, beyond tests/resources/test_import_validation.py's ../, absolute
path and symlinked file: nested escapes, a symlinked folder, NUL bytes and home-directory shorthands."""

from pathlib import Path

import pytest

from resources.services.attachment_files import attachment_problem

OUTSIDE = "is outside the import file's folder"


@pytest.fixture
def folders(tmp_path):
    base = tmp_path / "import"
    (base / "sub").mkdir(parents=True)
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "leak.txt").write_text("synthetic secret")
    (base / "linked").symlink_to(secret, target_is_directory=True)
    return base, secret


@pytest.mark.parametrize(
    "name",
    ["sub/../../secret/leak.txt", "sub/./../../secret/leak.txt", "linked/leak.txt", "linked/../linked/leak.txt"],
)
def test_escapes_are_refused(folders, name):
    base, _ = folders
    assert attachment_problem(base / name, base) == OUTSIDE


def test_absolute_path_to_a_system_file(folders):
    base, _ = folders
    assert attachment_problem(base / "/etc/passwd", base) == OUTSIDE


@pytest.mark.parametrize("name", ["leak.txt\x00.pdf", "~/leak.txt", "..\\secret\\leak.txt", "%2e%2e/secret/leak.txt"])
def test_odd_names_stay_inside_or_are_refused(folders, name):
    base, _ = folders
    problem = attachment_problem(base / name, base)
    assert problem in (OUTSIDE, "does not exist")


def test_the_file_itself_is_never_read_when_refused(folders, monkeypatch):
    base, secret = folders
    opened: list[Path] = []
    original = Path.open

    def spy(self, *args, **kwargs):
        opened.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    attachment_problem(base / "linked" / "leak.txt", base)
    assert not any(secret in path.parents for path in opened)
