"""`build.py serve --workers 2`: two server processes on one port, started on data prepared once;
what is written through one connection is read on every later one, whichever process takes it;
Ctrl-C or SIGTERM stops them all cleanly, and killed outright `serve` takes them with it. Every
wait is a bounded number of short polls.

The processes leave compiling to `heavy-worker`s (`--compile-workers 0`): idle compile workers
wait on timed events, which never end in CI's run a year ahead (libfaketime fakes the monotonic
clock those waits are measured on), so a server with them cannot stop there.
"""

import os
import signal
import subprocess
import sys
from contextlib import suppress
from pathlib import Path

import pytest

from buildkit.paths import ROOT
from buildkit.serving import free_port, wait_until_serving
from tests.services.openwhyd.openwhyd_http import Browser
from tests.waiting import until

ENDS_WITHIN = 60.0
"""Seconds on the real clock a process that should end may take."""


def server_processes(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def alive(pids: list[int]) -> list[int]:
    return [pid for pid in pids if Path(f"/proc/{pid}").exists()]


def ended(proc: subprocess.Popen) -> bool:
    return until(lambda: proc.poll() is not None, ENDS_WITHIN)


def start_workers(tmp_path: Path) -> tuple[subprocess.Popen, int, Path]:
    """`serve --workers 2` on a free port, its output in `tmp_path/serve.log`."""
    port, data = free_port(), tmp_path / "data"
    command = ["serve", "--port", str(port), "--data", str(data), "--workers", "2"]
    command += ["--no-rate-limits", "--compile-workers", "0"]
    with (tmp_path / "serve.log").open("w") as output:
        argv = [sys.executable, str(ROOT / "build.py"), *command]
        proc = subprocess.Popen(argv, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
    return proc, port, data


def kill_all(proc: subprocess.Popen, workers: list[int]) -> None:
    """What a failed test leaves running."""
    for pid in workers:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    if proc.poll() is None:
        proc.kill()
    proc.wait()


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_serve_workers_answers_on_every_connection_and_stops_on_a_signal(
    tmp_path: Path, stop: signal.Signals
) -> None:
    proc, port, data = start_workers(tmp_path)
    workers: list[int] = []
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/", proc)
        workers = server_processes(proc.pid)
        assert len(workers) == 2
        openwhyd = f"http://127.0.0.1:{port}/openwhyd"
        admin = Browser(openwhyd)
        admin.login("admin")
        for number in range(10):
            name = f"playlist {number}"
            assert admin.post("/api/playlist", json_body={"action": "create", "name": name}).status == 200
            listed = Browser(openwhyd).get("/admin/playlists", {"format": "json"}).json()
            assert listed[-1]["name"] == name
        proc.send_signal(stop)
        assert ended(proc), "serve --workers did not stop"
    finally:
        if proc.poll() is None:  # its children are then not reaped, and their ids still theirs
            kill_all(proc, workers)
    output = (tmp_path / "serve.log").read_text()
    assert proc.returncode == 0, output
    assert f"Tonearm on http://127.0.0.1:{port}/  (2 processes; Ctrl-C stops them)" in output.splitlines()
    assert "Traceback" not in output
    assert not alive(workers), "a server process outlived serve"
    assert list((data / "heavy" / "work").iterdir()) == []


def test_server_processes_stop_when_serve_is_killed_outright(tmp_path: Path) -> None:
    proc, port, _ = start_workers(tmp_path)
    workers: list[int] = []
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/", proc)
        workers = server_processes(proc.pid)
        proc.kill()
        proc.wait()
        assert until(lambda: not alive(workers), ENDS_WITHIN), "a server process outlived serve"
    finally:
        kill_all(proc, alive(workers))
