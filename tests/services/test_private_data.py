"""The data folder's databases hold Openwhyd's session secret, sessions and password hashes and
heavy's token signing key: no other local user may read them, in a new install or in one an older
version made readable (folders 0755, databases 0644)."""

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.heavy.service import open_service
from server.openwhyd.service import Service
from server.settings import Settings


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def open_both(data: Path) -> list[object]:
    """Both services on `data`, kept open (with their connections, so `-wal` and `-shm` exist)."""
    settings = Settings(data_dir=data)
    return [Service.open(settings), open_service(settings)]


def private_parts(data: Path) -> dict[Path, int]:
    databases = [data / "openwhyd" / "openwhyd.sqlite3", data / "heavy" / "heavy.sqlite3"]
    files = [Path(f"{database}{suffix}") for database in databases for suffix in ("", "-wal", "-shm")]
    return {
        **{folder: mode(folder) for folder in (data, data / "openwhyd", data / "heavy")},
        **{file: mode(file) for file in files},
    }


def expected(parts: dict[Path, int]) -> dict[Path, int]:
    return {path: 0o700 if path.is_dir() else 0o600 for path in parts}


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The loosest umask, so only the modes the code asks for can keep others out."""
    before = os.umask(0)
    yield
    os.umask(before)


def test_a_new_data_folder_is_private_from_the_start(tmp_path: Path, open_umask: None) -> None:
    data = tmp_path / "new" / "data"
    kept_open = open_both(data)
    parts = private_parts(data)
    assert parts == expected(parts)
    assert mode(tmp_path / "new") == 0o777, "the data folder's parents are left as they are"
    del kept_open


def test_an_older_readable_install_is_tightened_on_opening(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = open_both(data)
    for path in private_parts(data):
        path.chmod(0o755 if path.is_dir() else 0o644)
    second = open_both(data)
    parts = private_parts(data)
    assert parts == expected(parts)
    del first, second
