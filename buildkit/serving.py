"""`build.py serve` (or `serve-openwhyd`) as a child process on a free loopback port: for the tests
and the benchmarks."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from buildkit.paths import ROOT


def free_port() -> int:
    return free_ports(1)[0]


def free_ports(count: int) -> list[int]:
    """`count` different free ports: held open together while they are chosen, so that no two
    are the same."""
    with ExitStack() as stack:
        socks = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in socks:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in socks]


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


def start_serving(
    data: Path, port: int, options: tuple[str, ...], output: IO[str] | None, command: str = "serve"
) -> tuple[subprocess.Popen, str]:
    """`COMMAND --data DATA OPTIONS…` on `port`, started; the process and its base URL."""
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "build.py"),
            command,
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
    return proc, f"http://127.0.0.1:{port}"


def stop_serving(proc: subprocess.Popen) -> None:
    """Ctrl-C's graceful stop (SIGTERM), then a kill if it takes too long."""
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@dataclass(frozen=True)
class Served:
    """A running `serve`: its base URL, and its process, whose CPU time the benchmarks read."""

    base: str
    pid: int

    @property
    def port(self) -> int:
        return int(self.base.rsplit(":", 1)[1])


@contextmanager
def serving(
    data: Path, *options: str, log: Path | None = None, timeout: float = 120, command: str = "serve"
) -> Iterator[str]:
    """The base URL of `COMMAND --data DATA OPTIONS…`, stopped when done."""
    with serving_process(data, *options, log=log, timeout=timeout, command=command) as served:
        yield served.base


@contextmanager
def serving_process(
    data: Path, *options: str, log: Path | None = None, timeout: float = 120, command: str = "serve"
) -> Iterator[Served]:
    """`serving`, with the server's process id."""
    with serving_together(data, 1, *options, log=log, timeout=timeout, command=command) as (served,):
        yield served


@contextmanager
def serving_together(
    data: Path,
    count: int,
    *options: str,
    log: Path | None = None,
    timeout: float = 120,
    command: str = "serve",
) -> Iterator[list[Served]]:
    """The base URLs of `count` `COMMAND --data DATA OPTIONS…` processes started at the same time
    (on one data folder, as a deployment's process manager starts them), stopped when done."""
    with ExitStack() as stack:
        output = stack.enter_context(log.open("w")) if log else None
        started = [start_serving(data, port, options, output, command) for port in free_ports(count)]
        for proc, _ in started:
            stack.callback(stop_serving, proc)
        for proc, base in started:
            wait_until_serving(base + "/", proc, timeout)
        yield [Served(base, proc.pid) for proc, base in started]
