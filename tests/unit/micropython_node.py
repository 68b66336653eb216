"""Runs Python under the MicroPython the widget runs on (the vendored WebAssembly build), driven by
Node: for the tests that check shared modules answer there as they do under CPython."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from buildkit.lock import read_lock
from buildkit.paths import VENDOR

PIN = {pin.name: pin for pin in read_lock()}["@micropython/micropython-webassembly-pyscript"]
MICROPYTHON = VENDOR / PIN.into / "micropython.mjs"

RUNNER = """
import { loadMicroPython } from "%s";
import { readFileSync } from "fs";
const [files, run] = process.argv.slice(2).map((p) => readFileSync(p, "utf8"));
const out = [];
const mp = await loadMicroPython({ stdout: (line) => out.push(line) });
for (const [name, path] of Object.entries(JSON.parse(files))) {
  const parts = name.split("/").slice(0, -1);
  parts.forEach((_, i) => mp.FS.mkdirTree("/" + parts.slice(0, i + 1).join("/")));
  mp.FS.writeFile("/" + name, readFileSync(path));
}
try {
  mp.runPython(run);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
console.log(out.join("\\n"));
"""
"""Node script: loads MicroPython, writes the given files into its file system, runs the code."""

needs_micropython = pytest.mark.skipif(
    shutil.which("node") is None or not MICROPYTHON.exists(),
    reason="needs Node and the vendored MicroPython (python build.py vendor)",
)


def run_in_micropython(folder: Path, files: dict[str, str | Path], code: str) -> str:
    """What `code` prints under MicroPython, with `files` ({path inside: path here}) written to
    its file system root; `folder` holds the scripts. Fails the test if the code raises."""
    (folder / "files.json").write_text(json.dumps({name: str(path) for name, path in files.items()}))
    (folder / "run.py").write_text(code)
    (folder / "run.mjs").write_text(RUNNER % MICROPYTHON.as_uri())
    run = subprocess.run(
        ["node", folder / "run.mjs", folder / "files.json", folder / "run.py"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout
