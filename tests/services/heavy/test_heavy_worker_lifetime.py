"""hvcc's worker lives no longer than its server: killed outright or stopped, the server takes its
compiles with it, and leaves no scratch folder behind."""

import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from heavy_http import call, create_patch, zip_of
from heavy_processes import compile_workers, slow_patch
from waiting import until

from buildkit.paths import ROOT
from buildkit.serving import free_port, wait_until_serving
from server.heavy.compile_worker import NICENESS
from server.heavy.compiler import TIMEOUT

pytestmark = pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads processes in /proc")

GONE_WITHIN = 5.0


@contextmanager
def compiling(tmp_path: Path) -> Iterator[tuple[subprocess.Popen, Path, int]]:
    """`build.py serve` on its own data folder, with a slow compile under way in it; the server, the
    folder and the server's port."""
    data, port = tmp_path / "data", free_port()
    options = ["--port", str(port), "--data", str(data), "--test-mode", "--no-rate-limits"]
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "serve", *options],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_serving(base + "/", server)
        heavy = base + "/heavy"
        issued = call("POST", f"{heavy}/test/tokens", form={"name": "slow"}).json()
        token = issued["data"]["attributes"]["token"]
        create_patch(heavy, token, "slow")
        upload = zip_of({"_main.pd": slow_patch()})

        def send() -> None:
            with suppress(OSError):
                call("POST", f"{heavy}/a/patches/slow/slow/jobs/", token=token, files={"file": upload})

        threading.Thread(target=send, daemon=True).start()
        assert until(lambda: bool(compile_workers(data)), 60), "the compile started"
        yield server, data, port
    finally:
        server.kill()
        server.wait()
        for pid in compile_workers(data):
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def refuses_connections(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except ConnectionRefusedError:
        return True
    return False


def test_the_worker_runs_with_a_cpu_time_limit_below_the_server_s_priority(tmp_path: Path) -> None:
    with compiling(tmp_path) as (_, data, _):
        (worker,) = compile_workers(data)

        def niceness() -> str:
            return Path(f"/proc/{worker}/stat").read_text().rsplit(")", 1)[1].split()[16]

        assert until(lambda: niceness() == str(NICENESS), 10), "the worker lowered its priority as it started"
        limits = Path(f"/proc/{worker}/limits").read_text()
        cpu = next(line.split()[3:5] for line in limits.splitlines() if line.startswith("Max cpu time"))
        assert cpu == [str(TIMEOUT), str(TIMEOUT + 1)]


def test_the_worker_dies_with_a_server_killed_outright(tmp_path: Path) -> None:
    with compiling(tmp_path) as (server, data, _):
        server.send_signal(signal.SIGKILL)
        server.wait()
        assert until(lambda: not compile_workers(data), GONE_WITHIN), "the worker outlived its server"


def test_a_server_forced_to_stop_stops_its_compiles_and_clears_their_scratch(tmp_path: Path) -> None:
    """The first Ctrl-C has the server close its port and wait for the compile's request; the
    second forces it to stop."""
    with compiling(tmp_path) as (server, data, port):
        server.send_signal(signal.SIGINT)
        assert until(lambda: refuses_connections(port), GONE_WITHIN), "the first Ctrl-C began the stop"
        server.send_signal(signal.SIGINT)
        server.wait(timeout=GONE_WITHIN)
        assert not compile_workers(data)
        assert list((data / "heavy" / "work").iterdir()) == []
