"""Loads a built library in a process of its own and says what it found, as JSON on stdout.

A plugin built with `-ffast-math` switches the CPU to flush subnormal floats to zero for the whole
process that loads it, which broke every later test that generates floats (hypothesis refuses to
run then): the tests load binaries here, never in their own process.

    python native_probe.py exports LIBRARY NAME...   → the names the library exports
"""

import ctypes
import json
import subprocess
import sys
from pathlib import Path
from typing import Any


def probe(*args: str) -> Any:
    """What this script prints for `args`, run in a new process."""
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(done.stdout)


def _exports(library: str, *names: str) -> list[str]:
    loaded = ctypes.CDLL(library)
    return [name for name in names if hasattr(loaded, name)]


if __name__ == "__main__":
    command, library, *rest = sys.argv[1:]
    found = {"exports": _exports}[command](str(Path(library)), *rest)
    json.dump(found, sys.stdout)
