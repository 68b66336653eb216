"""The vendored Pyodide run under Node: the browser's exact CPython, for build outputs that must
match it (bytecode with its magic number, memory snapshots with its build id)."""

import shutil
import subprocess
from pathlib import Path

from buildkit.paths import VENDOR


class NodeMissing(Exception):
    """Node.js is needed to run Pyodide at build time."""


def pyodide_dir() -> Path:
    (found,) = VENDOR.glob("pyodide-*")
    return found


def run(script: Path, *args: str) -> str:
    """Runs `node SCRIPT PYODIDE_DIR ARGS…` and returns what it printed."""
    node = shutil.which("node")
    if node is None:
        raise NodeMissing("Node.js (`node`) is not on PATH; install Debian's nodejs package.")
    return subprocess.run(
        [node, str(script), str(pyodide_dir()), *args], check=True, stdout=subprocess.PIPE, text=True
    ).stdout


COMPILE = Path(__file__).with_name("compile_pyc.mjs")


def compile_tree(folder: Path) -> None:
    """Write `__pycache__/*.cpython-3XX.pyc` (unchecked hash) beside every .py under `folder`."""
    run(COMPILE, str(folder))


def compile_stdlib(folder: Path) -> None:
    """Write `x.pyc` (unchecked hash) beside every `x.py` under `folder`, Pyodide's standard library
    unpacked: what zipimport reads, naming the files where the library's zip is in the browser."""
    run(COMPILE, str(folder), "stdlib")
