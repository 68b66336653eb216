"""hvcc behind a process boundary: one patch in, hvcc's output and its messages out."""

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from server.heavy import messages
from server.heavy.workers import TimedOut, Workers

WORKER = Path(__file__).with_name("compile_worker.py")
TIMEOUT = 60
"""Seconds of wall-clock time, and of CPU time, a compile may take."""


@dataclass(frozen=True)
class Outcome:
    warnings: list[dict]
    errors: list[dict]
    compile_time: float


class Compiler:
    def __init__(self, workers: Workers) -> None:
        self.workers = workers

    def compile(self, patch_dir: Path, out_dir: Path, name: str, generator: str = "c") -> Outcome:
        """Compiles `patch_dir/_main.pd` into `out_dir`; failures are messages, never raised."""
        worker = [sys.executable, "-I", str(WORKER), str(os.getpid()), str(TIMEOUT)]
        argv = [*worker, str(patch_dir / "_main.pd"), str(out_dir), name, generator]
        try:
            done = self.workers.run(argv, cwd=out_dir.parent, timeout=TIMEOUT)
            raw = json.loads(done.stdout.strip().splitlines()[-1])
        except TimedOut:
            raw = _failure(f"The compile ran past {TIMEOUT} s and was stopped.", TIMEOUT)
        except (json.JSONDecodeError, IndexError):
            raw = _failure(f"hvcc stopped unexpectedly (exit status {done.returncode}).", 0.0)
        return Outcome(
            messages.to_api(raw["warnings"], patch_dir),
            messages.to_api(raw["errors"], patch_dir),
            raw["compileTime"],
        )


def _failure(message: str, seconds: float) -> dict:
    return {
        "warnings": [],
        "errors": [{"stage": "hvcc", "enum": 3000, "message": message}],
        "compileTime": seconds,
    }
