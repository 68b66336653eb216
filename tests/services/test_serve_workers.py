"""`build.py serve --workers 2`: two server processes on one port, started on data prepared once;
what is written through one connection is read on every later one, whichever process takes it;
Ctrl-C or SIGTERM stops them all cleanly. Every wait is a bounded number of short polls.

The processes leave compiling to `heavy-worker`s (`--compile-workers 0`): idle compile workers
wait on timed events, which never end in CI's run a year ahead (libfaketime fakes the monotonic
clock those waits are measured on), so a server with them cannot stop there.
"""

import os
import signal
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

import pytest

from buildkit.paths import ROOT
from buildkit.serving import free_port, wait_until_serving
from tests.services.openwhyd.openwhyd_http import Browser

POLLS = 1200
"""Looks, 50 ms apart, at a process that should end: a minute on the real clock."""


def server_processes(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def ended(proc: subprocess.Popen) -> bool:
    for _ in range(POLLS):
        if proc.poll() is not None:
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_serve_workers_answers_on_every_connection_and_stops_on_a_signal(
    tmp_path: Path, stop: signal.Signals
) -> None:
    port, data, log = free_port(), tmp_path / "data", tmp_path / "serve.log"
    command = ["serve", "--port", str(port), "--data", str(data), "--workers", "2"]
    command += ["--no-rate-limits", "--compile-workers", "0"]
    with log.open("w") as output:
        argv = [sys.executable, str(ROOT / "build.py"), *command]
        proc = subprocess.Popen(argv, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
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
            for pid in workers:
                with suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            proc.kill()
        proc.wait()
    output = log.read_text()
    assert proc.returncode == 0, output
    assert f"Tonearm on http://127.0.0.1:{port}/  (2 processes; Ctrl-C stops them)" in output.splitlines()
    assert "Traceback" not in output
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "a server process outlived serve"
    assert list((data / "heavy" / "work").iterdir()) == []
