"""`build.py heavy-token`: user made if needed, a new labelled token printed last.
`build.py heavy-worker`: refuses a files folder it cannot be."""

from pathlib import Path

import pytest

from server.database import sqlite_url
from server.heavy import tokens
from server.heavy.cli import heavy_token_main, heavy_worker_main
from server.heavy.service import open_service
from server.settings import Settings


def key_of(data: Path, database: str | None = None) -> bytes:
    return open_service(Settings(data_dir=data, database=database)).key


def test_prints_a_new_valid_token_as_its_last_line(tmp_path, capsys):
    assert heavy_token_main(["zed", "--label", "ci", "--data", str(tmp_path)]) == 0
    first = capsys.readouterr().out.splitlines()[-1]
    assert heavy_token_main(["zed", "--data", str(tmp_path)]) == 0
    second = capsys.readouterr().out.splitlines()[-1]
    assert first != second
    assert tokens.verify(key_of(tmp_path), first).name == "zed"
    assert tokens.verify(key_of(tmp_path), second).name == "zed"
    service = open_service(Settings(data_dir=tmp_path))
    user = service.store.user("zed")
    assert [t.label for t in service.store.tokens(user)] == ["ci", "heavy"]


def test_refuses_names_that_cannot_be_paths(tmp_path):
    with pytest.raises(SystemExit):
        heavy_token_main(["../etc", "--data", str(tmp_path)])


def test_the_token_goes_to_the_database_the_server_runs_on(tmp_path, capsys, postgres):
    url = postgres.create_database("heavy_token")
    assert heavy_token_main(["zed", "--data", str(tmp_path), "--database", url]) == 0
    assert tokens.verify(key_of(tmp_path, url), capsys.readouterr().out.splitlines()[-1]).name == "zed"
    assert open_service(Settings(data_dir=tmp_path, database=url)).store.user("zed") is not None
    assert open_service(Settings(data_dir=tmp_path)).store.user("zed") is None


def test_a_worker_is_given_the_servers_files_folder_not_its_data_folder(tmp_path, capsys):
    open_service(Settings(data_dir=tmp_path / "data"))
    for files, complaint in [
        (tmp_path / "data", "is a data folder: give its heavy/"),
        (tmp_path / "nowhere", "no such folder"),
    ]:
        with pytest.raises(SystemExit):
            heavy_worker_main(["--database", sqlite_url(tmp_path / "data"), "--files", str(files)])
        assert complaint in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()
