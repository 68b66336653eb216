"""External tools (hvcc's worker, clang) run here: a bounded number at once, each with a deadline.

Each tool gets its own process group, so a deadline stops the compiler drivers' children too,
and a bare environment, so nothing of the server's (its key, its settings) reaches them. When
the server stops they are killed (a server killed outright cannot: hvcc's worker sees to its own
end, see compile_worker.py). Nothing runs between fork and exec, so the server's memory is not
copied for each tool while the event loop waits.
"""

import os
import signal
import subprocess
import threading
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from server.heavy.machine_slots import MachineSlots


@dataclass(frozen=True)
class Finished:
    returncode: int
    stdout: str
    stderr: str


class TimedOut(Exception):
    """The tool ran past its deadline and was stopped."""


class Stopped(Exception):
    """The server is stopping: the tool was stopped, or never started, and gave no result."""


class Workers:
    """At most `slots` tools at once in this process, each in a slot of the `machine`'s."""

    def __init__(self, slots: int, machine: MachineSlots) -> None:
        self._slots = threading.BoundedSemaphore(slots)
        self._machine = machine
        self._running: set[subprocess.Popen] = set()
        self._guard = threading.Lock()
        self._stopping = False

    def run(self, argv: list[str], *, cwd: Path, timeout: float) -> Finished:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "HOME": str(cwd)}
        with self._slots, self._machine.taken(lambda: self._stopping) as taken:
            with self._guard:
                if not taken or self._stopping:
                    raise Stopped(f"{Path(argv[0]).name} was not started: the server is stopping")
                proc = subprocess.Popen(
                    argv,
                    cwd=cwd,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    start_new_session=True,
                )
                self._running.add(proc)
            try:
                stdout, stderr = proc.communicate(timeout=timeout)
            except subprocess.TimeoutExpired as error:
                _kill(proc)
                proc.communicate()
                raise TimedOut(f"{Path(argv[0]).name} ran past {timeout:g} s") from error
            finally:
                with self._guard:
                    self._running.discard(proc)
            if self._stopping:
                raise Stopped(f"{Path(argv[0]).name} was stopped: the server is stopping")
        return Finished(proc.returncode, stdout, stderr)

    def stop(self) -> None:
        """Kills every tool running and refuses to start more."""
        with self._guard:
            self._stopping = True
            for proc in self._running:
                _kill(proc)


def _kill(proc: subprocess.Popen) -> None:
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
