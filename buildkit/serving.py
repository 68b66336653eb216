"""`build.py serve` as a child process on a free loopback port: for the tests and the benchmarks."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from buildkit.paths import ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise TimeoutError(f"server did not answer at {url} within {timeout} s")


@dataclass(frozen=True)
class Served:
    """A running `serve`: its base URL, and its process, whose CPU time the benchmarks read."""

    base: str
    pid: int

    @property
    def port(self) -> int:
        return int(self.base.rsplit(":", 1)[1])


@contextmanager
def serving(data: Path, *options: str, log: Path | None = None, timeout: float = 120) -> Iterator[str]:
    """The base URL of `serve --data DATA OPTIONS…`, stopped (Ctrl-C, then kill) when done."""
    with serving_process(data, *options, log=log, timeout=timeout) as served:
        yield served.base


@contextmanager
def serving_process(
    data: Path, *options: str, log: Path | None = None, timeout: float = 120
) -> Iterator[Served]:
    """`serving`, with the server's process id."""
    port = free_port()
    output = log.open("w") if log else None
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--data",
            str(data),
            *options,
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL if output is None else output,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base + "/", proc, timeout)
        yield Served(base, proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        if output is not None:
            output.close()
