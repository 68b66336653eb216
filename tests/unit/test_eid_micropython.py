"""app/eid.py under the MicroPython the embeddable widget runs (the vendored WebAssembly build,
driven by Node): it must import and give the same answers as under CPython."""

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from test_eid import NOT_TRACKS, PASTED_URLS, URL_PIECES

from app import eid
from buildkit.lock import read_lock
from buildkit.paths import VENDOR

PIN = {pin.name: pin for pin in read_lock()}["@micropython/micropython-webassembly-pyscript"]
MICROPYTHON = VENDOR / PIN.into / "micropython.mjs"

ANSWERS = """
import sys, json
sys.path.append("/")
import eid
def answers(text):
    found = eid.eid_from_url(text)
    return [found, eid.url_from_eid(text), eid.source_kind(text), eid.openwhyd_link(text),
            found and eid.url_from_eid(found)]
print(json.dumps([answers(text) for text in json.load(open("/inputs.json"))]))
"""
"""Python run in MicroPython: every input's answers, printed as JSON."""

RUNNER = """
import { loadMicroPython } from "%s";
import { readFileSync } from "fs";
const [eidSource, inputsJson, answers] = process.argv.slice(2).map((p) => readFileSync(p, "utf8"));
const out = [];
const mp = await loadMicroPython({ stdout: (line) => out.push(line) });
mp.FS.writeFile("/eid.py", eidSource);
mp.FS.writeFile("/inputs.json", inputsJson);
try {
  mp.runPython(answers);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
console.log(out.join("\\n"));
"""
"""Node script: loads MicroPython, gives it app/eid.py and the inputs, runs `ANSWERS`."""


def answers(text: str) -> list:
    found = eid.eid_from_url(text)
    return [
        found,
        eid.url_from_eid(text),
        eid.source_kind(text),
        eid.openwhyd_link(text),
        found and eid.url_from_eid(found),
    ]


def inputs() -> list[str]:
    """The URL tables, their eIds, and pseudo-random URL-like texts (fixed seed)."""
    rng = random.Random(3)
    noise = ["".join(rng.choices(URL_PIECES, k=rng.randint(1, 10))) for _ in range(300)]
    return [url for url, _ in PASTED_URLS] + [e for _, e in PASTED_URLS] + NOT_TRACKS + noise


@pytest.mark.skipif(
    shutil.which("node") is None or not MICROPYTHON.exists(),
    reason="needs Node and the vendored MicroPython (python build.py vendor)",
)
def test_micropython_gives_the_same_answers_as_cpython(tmp_path: Path) -> None:
    texts = inputs()
    (tmp_path / "run.mjs").write_text(RUNNER % MICROPYTHON.as_uri())
    (tmp_path / "inputs.json").write_text(json.dumps(texts))
    (tmp_path / "answers.py").write_text(ANSWERS)
    run = subprocess.run(
        ["node", tmp_path / "run.mjs", eid.__file__, tmp_path / "inputs.json", tmp_path / "answers.py"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == [answers(text) for text in texts]
