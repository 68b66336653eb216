"""Compile workers in processes of their own (`build.py heavy-worker`), beside a server that runs
none (`serve --compile-workers 0`), sharing only the database and a files folder: a job waits in the
database's queue until a worker takes it, a worker killed mid-job loses it to another once its lease
runs out, the job keeping its number and recorded once, and what a worker compiled the server builds
and serves targets from, in folders of its own."""

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pytest
from heavy_http import SINE_PD, call, create_patch, submit, zip_names, zip_of
from heavy_processes import compile_workers, slow_patch
from waiting import until

from buildkit.paths import ROOT
from buildkit.serving import serving
from server.database import engine_for, sqlite_url
from server.heavy import wasm
from server.heavy.compile_jobs import ENDED, LEASE, QUEUED


class World(NamedTuple):
    heavy: str
    data: Path
    """The server's data folder."""
    files: Path
    """The files folder the server and the workers share."""
    worker: Path
    """The workers' data folder, as on another machine."""
    database: str


@pytest.fixture
def world(tmp_path: Path, new_database: Callable[[], str | None]) -> Iterator[World]:
    """A test-mode server with no compile workers, its files in a folder of their own."""
    data, files = tmp_path / "data", tmp_path / "files"
    database = new_database() or sqlite_url(data)
    options = ["--test-mode", "--no-rate-limits", "--compile-workers", "0", "--database", database]
    with serving(data, *options, "--heavy-files", str(files), log=tmp_path / "serve.log") as base:
        yield World(base + "/heavy", data, files, tmp_path / "worker", database)


@contextmanager
def heavy_worker(world: World) -> Iterator[subprocess.Popen]:
    command = [sys.executable, str(ROOT / "build.py"), "heavy-worker", "--database", world.database]
    folders = ["--files", str(world.files), "--data", str(world.worker)]
    proc = subprocess.Popen([*command, *folders], cwd=ROOT, stdout=subprocess.DEVNULL)
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait()


def files_under(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


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


def test_a_job_waits_in_the_queue_until_a_worker_process_takes_it(world: World) -> None:
    heavy, database = world.heavy, world.database
    token = token_for(heavy, "ada")
    create_patch(heavy, token, "waiting")
    thread, answers = submitting(heavy, token, "ada/waiting", zip_of({"_main.pd": SINE_PD}))
    assert until(lambda: queue_rows(database, "waiting") == [("queued", 0)], 10), "the job is queued"
    thread.join(2)
    assert thread.is_alive(), "no worker runs: the submit is still waiting"
    latest = call("GET", f"{heavy}/a/jobs/ada/waiting/latest", token=token).json()
    assert latest["errors"][0]["status"] == "404"
    with heavy_worker(world):
        thread.join(120)
    assert not thread.is_alive()
    (answer,) = answers
    assert answer["errors"] == [] and answer["data"]["id"] == "ada/waiting/1"
    assert queue_rows(database, "waiting") == [("done", 1)]


def test_a_job_whose_worker_is_killed_is_compiled_once_by_another(world: World) -> None:
    heavy, database = world.heavy, world.database
    token = token_for(heavy, "bo")
    create_patch(heavy, token, "slow")
    with heavy_worker(world) as first:
        thread, answers = submitting(heavy, token, "bo/slow", zip_of({"_main.pd": slow_patch()}))
        assert until(lambda: bool(compile_workers(world.worker)), 60), "the first worker started compiling"
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
    assert until(lambda: not compile_workers(world.worker), 10), "hvcc died with its worker"
    assert queue_rows(database, "slow") == [("running", 1)], "the dead worker's lease has not run out yet"
    moved = call("POST", f"{heavy}/test/clock", form={"advance": str(LEASE + 1)}).json()
    try:
        assert until(lambda: queue_rows(database, "slow") == [("queued", 1)], 10), (
            f"the server saw the lease end ({moved})"
        )
    finally:
        call("POST", f"{heavy}/test/clock", form={"real": "1"})
    with heavy_worker(world):
        thread.join(120)
    assert not thread.is_alive()
    (answer,) = answers
    assert answer["data"]["id"] == "bo/slow/1"
    assert queue_rows(database, "slow") == [("done", 2)]
    jobs = call("GET", f"{heavy}/a/patches/bo/slow/jobs", token=token).json()
    assert [job["id"] for job in jobs["data"]] == ["bo/slow/1"]


def test_a_worker_elsewhere_keeps_its_job_where_the_server_builds_and_serves_targets(world: World) -> None:
    heavy = world.heavy
    token = token_for(heavy, "cy")
    create_patch(heavy, token, "far")
    before = set(world.files.glob("jobs/*"))
    with heavy_worker(world):
        answer = submit(heavy, token, "far", zip_of({"_main.pd": SINE_PD}))
        assert answer["errors"] == [] and answer["data"]["id"] == "cy/far/1"
        (job,) = set(world.files.glob("jobs/*")) - before
        assert until(lambda: (job / "targets" / "c-src.zip").is_file(), 60), "the worker archived c/src"
        scratch = world.worker / "heavy" / "work"
        assert until(lambda: not files_under(scratch), 10), "the worker cleared its scratch"
    assert not [name for name in files_under(world.worker) if name.endswith(".zip")], "nothing kept there"
    assert files_under(job) == ["targets/c-src.zip", "tree.zip"]

    targets = ["c/src", "pdext/src", *([] if wasm.missing() else ["web/local"])]
    archives = {}
    for path in targets:
        reply = call("GET", f"{heavy}/h/cy/far/1/{path}/archive.zip")
        assert reply.status == 200, reply.body
        archives[path] = zip_names(reply.body)
    assert "Heavy_far.h" in archives["c/src"]
    assert "Makefile.pdlibbuilder" in archives["pdext/src"]
    if "web/local" in archives:
        assert {"far.wasm", "patch.json", "index.html"} <= set(archives["web/local"])
        page = call("GET", f"{heavy}/h/cy/far/1/web/local/index.html")
        assert page.status == 200 and page.headers["Content-Type"].startswith("text/html")
    assert files_under(job) == sorted(
        ["tree.zip", *(f"targets/{path.replace('/', '-')}.zip" for path in targets)]
    )
    assert not [name for name in files_under(world.data) if name.endswith(".zip")], "nothing kept in data/"

    deleted = call("DELETE", f"{heavy}/a/patches/cy/far", token=token).json()
    assert deleted == {"meta": {"deleted": "cy/far"}}
    assert not job.exists()
    assert set(world.files.glob("jobs/*")) == before, "the demo's jobs stay"
    assert call("GET", f"{heavy}/h/cy/far/1/c/src/archive.zip").status == 404


def test_deleting_a_patch_takes_the_upload_it_had_waiting(world: World) -> None:
    heavy = world.heavy
    token = token_for(heavy, "dee")
    create_patch(heavy, token, "never")
    thread, answers = submitting(heavy, token, "dee/never", zip_of({"_main.pd": SINE_PD}))
    assert until(lambda: queue_rows(world.database, "never") == [("queued", 0)], 10), "the job is queued"
    assert len(list((world.files / "uploads").iterdir())) == 1
    assert call("DELETE", f"{heavy}/a/patches/dee/never", token=token).status == 200
    assert list((world.files / "uploads").iterdir()) == []
    thread.join(10)
    (answer,) = answers
    assert answer["errors"][0]["status"] == "404"


def listening_backends(database: str) -> int:
    conn = engine_for(database, "heavy", 5).connect()
    try:
        return conn.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND query LIKE 'LISTEN %'"
        ).fetchone()[0]
    finally:
        getattr(conn, "raw", conn).close()


@pytest.fixture
def told(engine: str) -> None:
    """Before `world`, so that no server starts for a skipped test."""
    if engine == "sqlite":
        pytest.skip("on SQLite processes share one machine and look at the queue themselves: nothing is told")


def test_on_postgresql_every_process_hears_of_a_job_queued_and_ended(told: None, world: World) -> None:
    """The server (`--compile-workers 0`) and the worker each listen, so neither waits for its next
    look; a third listener, as any process is, hears the job queued, then ended."""
    heard: list[str] = []
    listening = engine_for(world.database, "heavy", 5).listen((QUEUED, ENDED), heard.append)
    assert listening is not None
    try:
        assert until(lambda: sorted(heard) == sorted([QUEUED, ENDED]), 30), (
            "it called each channel on connecting"
        )
        heard.clear()
        token = token_for(world.heavy, "eve")
        create_patch(world.heavy, token, "told")
        with heavy_worker(world):
            assert until(lambda: listening_backends(world.database) == 3, 60), (
                "the server, the worker and this test"
            )
            answer = submit(world.heavy, token, "told", zip_of({"_main.pd": SINE_PD}))
        assert answer["errors"] == [] and answer["data"]["id"] == "eve/told/1"
        assert until(lambda: heard == [QUEUED, ENDED], 30), heard
    finally:
        listening.stop()
