"""The SQLite file: WAL, foreign keys, migrations applied once, records survive a reopen, rows
dated by the service's clock."""

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from server.clock import Clock
from server.database import SqliteEngine
from server.heavy.compile_jobs import CompileJobs
from server.heavy.store import MIGRATIONS, Store


def sqlite(path: Path) -> SqliteEngine:
    return SqliteEngine(path, busy_timeout=30)


def test_migrations_run_once_and_the_file_is_in_wal_mode(tmp_path):
    path = tmp_path / "heavy.sqlite3"
    Store(sqlite(path), Clock()).ensure_user("ann")
    store = Store(sqlite(path), Clock())
    assert store.user("ann") is not None
    conn = sqlite(path).connect()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    versions = [row[0] for row in conn.execute("SELECT version FROM migrations ORDER BY version")]
    assert versions == list(range(1, len(MIGRATIONS) + 1))


def test_deleting_a_patch_takes_its_jobs_and_targets(tmp_path):
    store = Store(sqlite(tmp_path / "heavy.sqlite3"), Clock())
    ann = store.ensure_user("ann")
    patch = store.create_patch(ann, ann, "p", description="", tags=[], public=True)
    job = store.add_job(
        patch,
        ann,
        release="dev",
        submitted_at="2026-01-01T00:00:00.000000",
        compile_time=0.1,
        warnings=[],
        errors=[],
        place_files=lambda _: None,
    )
    store.add_target(job, "c/src", size=10, compile_time=0.01)
    queue = CompileJobs(store, Clock())
    queue.enqueue(patch, ann, release="dev", submitted_at="2026-01-01T00:00:01.000000", upload="uploads/ab")
    removed = store.delete_patch(patch)
    assert removed.job_ids == [job.id] and removed.uploads == ["uploads/ab"]
    conn = store.database.connection()
    assert conn.execute("SELECT COUNT(*) FROM targets").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM jobs").fetchone()[0] == 0


def test_a_failed_file_move_leaves_no_job(tmp_path):
    store = Store(sqlite(tmp_path / "heavy.sqlite3"), Clock())
    ann = store.ensure_user("ann")
    patch = store.create_patch(ann, ann, "p", description="", tags=[], public=True)

    def fail(job_id: int) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError):
        store.add_job(
            patch,
            ann,
            release="dev",
            submitted_at="x",
            compile_time=0,
            warnings=[],
            errors=[],
            place_files=fail,
        )
    assert store.jobs(patch) == []


def test_rows_are_dated_by_the_stores_clock(tmp_path):
    clock = Clock()
    clock.set(datetime(2031, 1, 1))
    store = Store(sqlite(tmp_path / "heavy.sqlite3"), clock)
    ann = store.ensure_user("ann")
    assert ann.created_at.startswith("2031-01-01T00:0")
    clock.advance(86400)
    assert store.add_token(ann, "t", "2031-01-02T00:00:00.000000").created_at.startswith("2031-01-02T00:0")


def test_a_file_the_older_code_made_opens_and_its_migrations_are_recorded_not_run(tmp_path):
    """The older code ran the same first schema script and counted it in `user_version`."""
    path = tmp_path / "heavy.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0].script("sqlite"))
    old.execute("PRAGMA journal_mode = WAL")
    old.execute("PRAGMA user_version = 1")
    old.execute("INSERT INTO users (name, created_at) VALUES ('ann', '2026-01-01T00:00:00.000000')")
    old.commit()
    old.close()
    clock = Clock()
    clock.set(datetime(2031, 1, 1))
    store = Store(sqlite(path), clock)
    ann = store.user("ann")
    assert ann is not None and ann.created_at == "2026-01-01T00:00:00.000000"
    assert store.create_patch(ann, ann, "p", description="", tags=[], public=True) is not None
    assert store.create_patch(ann, ann, "p", description="", tags=[], public=True) is None
    applied = store.database.connection().execute("SELECT version, applied FROM migrations").fetchall()
    assert [row[0] for row in applied] == list(range(1, len(MIGRATIONS) + 1))
    assert applied[0][1] == pytest.approx(clock.now(), abs=60), "the older code's migration is recorded"
