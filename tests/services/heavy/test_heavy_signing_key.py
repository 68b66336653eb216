"""heavy's token signing key lives in the database: app machines with data folders of their own but
one database accept each other's tokens, an install from before keeps its key (and so its
tokens), and processes starting together agree on one key. On each engine."""

import threading
from collections.abc import Callable
from pathlib import Path

from server.clock import Clock
from server.database import sqlite_url
from server.database.urls import engine_for
from server.heavy import secret, tokens
from server.heavy.cli import heavy_token_main
from server.heavy.service import open_service
from server.heavy.store import Store
from server.settings import Settings


def one_database(new_database: Callable[[], str | None], tmp_path: Path) -> str:
    return new_database() or sqlite_url(tmp_path / "shared")


def test_a_token_minted_on_one_machine_is_accepted_on_another(
    tmp_path: Path, new_database: Callable[[], str | None], capsys
) -> None:
    database = one_database(new_database, tmp_path)
    assert heavy_token_main(["zed", "--data", str(tmp_path / "first"), "--database", database]) == 0
    token = capsys.readouterr().out.splitlines()[-1]
    second = open_service(Settings(data_dir=tmp_path / "second", database=database))
    assert tokens.verify(second.key, token).name == "zed"
    assert not (tmp_path / "second" / "heavy" / "secret").exists(), "nothing secret in the data folder"


def test_an_install_from_before_keeps_the_key_of_its_data_folder(
    tmp_path: Path, new_database: Callable[[], str | None]
) -> None:
    old_key = bytes(range(32))
    (tmp_path / "data" / "heavy").mkdir(parents=True)
    (tmp_path / "data" / "heavy" / "secret").write_text(old_key.hex() + "\n")
    database = one_database(new_database, tmp_path)
    assert open_service(Settings(data_dir=tmp_path / "data", database=database)).key == old_key
    assert open_service(Settings(data_dir=tmp_path / "other", database=database)).key == old_key


def test_processes_starting_together_agree_on_one_key(
    tmp_path: Path, new_database: Callable[[], str | None]
) -> None:
    database = one_database(new_database, tmp_path)
    stores = [Store(engine_for(database, "heavy", 30), Clock()) for _ in range(4)]
    keys: list[bytes] = []
    start = threading.Barrier(len(stores))

    def starting(store: Store, number: int) -> None:
        start.wait()
        keys.append(secret.load_or_create(store, tmp_path / f"none-{number}"))

    threads = [threading.Thread(target=starting, args=(store, n)) for n, store in enumerate(stores)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(keys) == 4 and len(set(keys)) == 1 and len(keys[0]) == secret.KEY_BYTES
