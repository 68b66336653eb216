"""Compile workers in processes of their own (`build.py heavy-worker`), beside a server that runs
none (`serve --compile-workers 0`): a job waits in the database's queue until a worker takes it, and
a worker killed mid-job loses it to another once its lease runs out, the job keeping its number and
recorded once."""

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from heavy_http import SINE_PD, call, create_patch, zip_of
from heavy_processes import compile_workers, slow_patch
from waiting import until

from buildkit.paths import ROOT
from buildkit.serving import serving
from server.database import engine_for, sqlite_url
from server.heavy.compile_jobs import LEASE


@pytest.fixture
def world(tmp_path: Path, new_database: Callable[[], str | None]) -> Iterator[tuple[str, Path, str]]:
    """A test-mode server with no compile workers: its heavy URL, data folder and database URL."""
    data = tmp_path / "data"
    database = new_database() or sqlite_url(data)
    options = ["--test-mode", "--no-rate-limits", "--compile-workers", "0", "--database", database]
    with serving(data, *options, log=tmp_path / "serve.log") as base:
        yield base + "/heavy", data, database


@contextmanager
def heavy_worker(data: Path, database: str) -> Iterator[subprocess.Popen]:
    command = [sys.executable, str(ROOT / "build.py"), "heavy-worker", "--database", database]
    proc = subprocess.Popen([*command, "--files", str(data)], cwd=ROOT, stdout=subprocess.DEVNULL)
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait()


def submitting(heavy: str, token: str, patch: str, upload: bytes) -> tuple[threading.Thread, list[dict]]:
    """The submit, sent on a thread of its own since it is answered only once the job is done."""
    answers: list[dict] = []
    url = f"{heavy}/a/patches/{patch}/jobs"
    thread = threading.Thread(
        target=lambda: answers.append(call("POST", url, token=token, files={"file": upload}).json()),
        daemon=True,
    )
    thread.start()
    return thread, answers


def queue_rows(database: str, patch: str) -> list[tuple[str, int]]:
    """The state and attempts of each compile of `patch` queued, read from the database as a
    worker reads it."""
    conn = engine_for(database, "heavy", 5).connect()
    try:
        rows = conn.execute(
            "SELECT q.state, q.attempts FROM compile_jobs q JOIN patches p ON p.id = q.patch_id"
            " WHERE p.name = ? ORDER BY q.id",
            (patch,),
        )
        return [(row[0], row[1]) for row in rows]
    finally:
        getattr(conn, "raw", conn).close()


def token_for(heavy: str, name: str) -> str:
    return call("POST", f"{heavy}/test/tokens", form={"name": name}).json()["data"]["attributes"]["token"]


def test_a_job_waits_in_the_queue_until_a_worker_process_takes_it(world: tuple[str, Path, str]) -> None:
    heavy, data, database = world
    token = token_for(heavy, "ada")
    create_patch(heavy, token, "waiting")
    thread, answers = submitting(heavy, token, "ada/waiting", zip_of({"_main.pd": SINE_PD}))
    assert until(lambda: queue_rows(database, "waiting") == [("queued", 0)], 10), "the job is queued"
    thread.join(2)
    assert thread.is_alive(), "no worker runs: the submit is still waiting"
    latest = call("GET", f"{heavy}/a/jobs/ada/waiting/latest", token=token).json()
    assert latest["errors"][0]["status"] == "404"
    with heavy_worker(data, database):
        thread.join(120)
    assert not thread.is_alive()
    (answer,) = answers
    assert answer["errors"] == [] and answer["data"]["id"] == "ada/waiting/1"
    assert queue_rows(database, "waiting") == [("done", 1)]


def test_a_job_whose_worker_is_killed_is_compiled_once_by_another(world: tuple[str, Path, str]) -> None:
    heavy, data, database = world
    token = token_for(heavy, "bo")
    create_patch(heavy, token, "slow")
    with heavy_worker(data, database) as first:
        thread, answers = submitting(heavy, token, "bo/slow", zip_of({"_main.pd": slow_patch()}))
        assert until(lambda: bool(compile_workers(data)), 60), "the first worker started compiling"
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
    assert until(lambda: not compile_workers(data), 10), "hvcc died with its worker"
    assert queue_rows(database, "slow") == [("running", 1)], "the dead worker's lease has not run out yet"
    moved = call("POST", f"{heavy}/test/clock", form={"advance": str(LEASE + 1)}).json()
    try:
        assert until(lambda: queue_rows(database, "slow") == [("queued", 1)], 10), (
            f"the server saw the lease end ({moved})"
        )
    finally:
        call("POST", f"{heavy}/test/clock", form={"real": "1"})
    with heavy_worker(data, database):
        thread.join(120)
    assert not thread.is_alive()
    (answer,) = answers
    assert answer["data"]["id"] == "bo/slow/1"
    assert queue_rows(database, "slow") == [("done", 2)]
    jobs = call("GET", f"{heavy}/a/patches/bo/slow/jobs", token=token).json()
    assert [job["id"] for job in jobs["data"]] == ["bo/slow/1"]
