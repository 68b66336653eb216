"""External tools (hvcc's worker, clang) run here: a bounded number at once, each with a deadline.

Each tool gets its own process group, so a deadline stops the compiler drivers' children too,
and a bare environment, so nothing of the server's (its key, its settings) reaches them.
"""

import os
import signal
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Finished:
    returncode: int
    stdout: str
    stderr: str


class TimedOut(Exception):
    """The tool ran past its deadline and was stopped."""


class Workers:
    def __init__(self, slots: int) -> None:
        self._slots = threading.BoundedSemaphore(slots)

    def run(self, argv: list[str], *, cwd: Path, timeout: float) -> Finished:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "HOME": str(cwd)}
        with self._slots:
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
            try:
                stdout, stderr = proc.communicate(timeout=timeout)
            except subprocess.TimeoutExpired as error:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.communicate()
                raise TimedOut(f"{Path(argv[0]).name} ran past {timeout:g} s") from error
        return Finished(proc.returncode, stdout, stderr)
