"""What keeps several server processes on one data folder right, checked within one test process:
each `Store`, `Scratch` or `MachineSlots` stands for another process (flocks held through separate
opens exclude each other as across processes), and a real child process for one that died."""

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from buildkit.paths import ROOT
from server.database import SqliteEngine
from server.heavy.machine_slots import MachineSlots
from server.heavy.scratch import Scratch
from server.openwhyd.store import Store


def store(tmp_path: Path, shared: bool) -> Store:
    return Store(SqliteEngine(tmp_path / "openwhyd.sqlite3", busy_timeout=5), opened_at=0.0, shared=shared)


def kept_answer(reader: Store, key: str, value: str) -> object:
    """What `reader` gives for `key`, keeping `value` when it has nothing."""
    generation, answered = reader.recall(key)
    if answered is None:
        reader.keep(key, generation, value)
    return answered


def test_an_answer_kept_by_one_process_is_dropped_when_another_writes(tmp_path: Path) -> None:
    reader, writer = store(tmp_path, shared=True), store(tmp_path, shared=True)
    assert kept_answer(reader, "/hot", "before") is None
    assert kept_answer(reader, "/hot", "again") == "before"
    with writer.write() as db:
        db.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
    assert kept_answer(reader, "/hot", "after") is None
    assert kept_answer(reader, "/hot", "again") == "after"


def test_a_process_alone_keeps_answers_until_its_own_next_write(tmp_path: Path) -> None:
    alone = store(tmp_path, shared=False)
    assert kept_answer(alone, "/hot", "before") is None
    assert kept_answer(alone, "/hot", "again") == "before"
    with alone.write() as db:
        db.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
    assert kept_answer(alone, "/hot", "after") is None
    assert not alone.db().execute("SELECT * FROM generation").fetchall(), "no row to write alone"


@pytest.mark.parametrize("shared", [False, True], ids=["alone", "shared"])
def test_an_answer_computed_before_a_write_is_not_kept_past_it(tmp_path: Path, shared: bool) -> None:
    one = store(tmp_path, shared)
    generation, _ = one.recall("/hot")
    with one.write() as db:
        db.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
    one.keep("/hot", generation, "stale")
    assert one.recall("/hot")[1] is None


def test_clearing_scratch_spares_live_processes_folders(tmp_path: Path) -> None:
    mine, theirs = Scratch(tmp_path), Scratch(tmp_path)
    their_work = theirs.make()
    (tmp_path / "from-an-older-version").mkdir()
    mine.make()
    mine.clear()
    assert their_work.is_dir()
    assert [path.name for path in tmp_path.iterdir()] == [their_work.parent.name]
    theirs.clear()
    assert list(tmp_path.iterdir()) == []


def test_clearing_scratch_removes_the_folder_of_a_process_that_died(tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from server.heavy.scratch import Scratch;"
        " print(Scratch(Path(sys.argv[1])).make())"
    )
    made = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(made.stdout.strip()).is_dir()
    Scratch(tmp_path).clear()
    assert list(tmp_path.iterdir()) == []


def test_a_machine_slot_taken_by_one_process_is_waited_for_by_another(tmp_path: Path) -> None:
    first, second = MachineSlots(tmp_path, 1), MachineSlots(tmp_path, 1)
    looks: list[int] = []

    def stop_after_three_looks() -> bool:
        looks.append(1)
        return len(looks) > 3

    with first.taken(lambda: False) as taken:
        assert taken
        with second.taken(stop_after_three_looks) as also:
            assert not also and len(looks) == 4
    with second.taken(lambda: False) as taken:
        assert taken


def test_a_scratch_folder_made_while_another_process_clears_is_kept(tmp_path: Path) -> None:
    """A clearer may come between a folder's making and its locking; the maker makes another."""
    stop = threading.Event()

    def clear_again_and_again() -> None:
        while not stop.is_set():
            Scratch(tmp_path).clear()

    clearer = threading.Thread(target=clear_again_and_again)
    clearer.start()
    try:
        made = []
        for _ in range(200):
            scratch = Scratch(tmp_path)
            made.append((scratch, scratch.make()))
        assert all(folder.is_dir() for _, folder in made)
    finally:
        stop.set()
        clearer.join()
