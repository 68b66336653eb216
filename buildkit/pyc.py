"""Precompiled bytecode for the browser, made by Pyodide's own CPython running under Node."""

import shutil
import subprocess
from pathlib import Path

from buildkit.paths import VENDOR


class NodeMissing(Exception):
    """Node.js is needed to precompile bytecode for the browser."""


def pyodide_dir() -> Path:
    (found,) = VENDOR.glob("pyodide-*")
    return found


def compile_tree(folder: Path) -> None:
    """Write `__pycache__/*.cpython-3XX.pyc` (unchecked hash) beside every .py under `folder`."""
    node = shutil.which("node")
    if node is None:
        raise NodeMissing("Node.js (`node`) is not on PATH; install Debian's nodejs package.")
    script = Path(__file__).with_name("compile_pyc.mjs")
    subprocess.run([node, str(script), str(pyodide_dir()), str(folder)], check=True)
