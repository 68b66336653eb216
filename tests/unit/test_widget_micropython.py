"""The widget under the MicroPython it runs on (the vendored WebAssembly build, driven by Node): its
pure modules, app/eid.py and the shared time format import there and answer as under CPython, and
its browser modules compile there."""

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest
import widget_answers
from test_eid_micropython import MICROPYTHON
from test_widget import ADMIN_ID, post

from buildkit.dist import widget_files
from buildkit.paths import ROOT

CASES = {
    "settings": [
        {"u": "admin", "pl": "0"}, {"u": ADMIN_ID, "theme": "dark"},
        {"u": "dummy", "likes": "", "autoplay": ""}, {},
        {"hot": "", "theme": "light", "api": "https://openwhyd.org"}, {"u": "é ♫/?"},
        {"patch": "demo/sine", "autoplay": "0"}, {"patch": "sine"}, {"pl": "1"}, {"u": "a", "pl": "1x"},
    ],
    "lists": [
        [{"u": "admin", "pl": "0"}, [
            post("tone", "/fi//openwhyd/audio/c.wav", pl={"id": 0, "name": "Offline tones"}, img="/img/x"),
            post("video", "/yt/XdJVWSqb4Ck", img="https://i.ytimg.com/vi/x/0.jpg"),
            post("band", "/bc/artist/song#https://t4.bcbits.com/stream/1"),
            post("file", "/fi/https://cdn.example/a.mp3"), {"name": 3}, "junk"]],
        [{"hot": ""}, {"hasMore": {"skip": 2}, "tracks": [post("hot", "/fi//a.ogg"), post("cold", "/dz/1")]}],
        [{"u": "admin"}, []],
        [{"u": "admin", "pl": "9"}, "meh... this playlist does not exist!"],
        [{"u": "nobody", "likes": ""}, {"errorCode": "USER_NOT_FOUND", "error": "User not found..."}],
    ],
    "clock": [[0, None], [5.4, 65], [3599, 3600], [3725, None], [12, 4000]],
}
"""Inputs for `widget_answers.answers`; `texts` (URLs, paths, odd text) are added by `cases()`."""

RUN = """
import sys, json
sys.path.append("/")
import widget_answers
print(json.dumps(widget_answers.answers(json.load(open("/cases.json")))))
for name in json.load(open("/browser_modules.json")):
    compile(open(name).read(), name, "exec")
"""

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
"""Node script: loads MicroPython, writes the given files into its file system, runs `RUN`."""


def cases() -> dict:
    rng = random.Random(5)
    pieces = ["/", "//", "http://", "https://", "h", "é", "%", " ", "?", "#", "a.mp3", "javascript:", ":"]
    noise = ["".join(rng.choices(pieces, k=rng.randint(0, 6))) for _ in range(200)]
    return {**CASES, "texts": ["/img/a", "//cdn/x.png", "https://h/a b", "data:x", *noise]}


@pytest.mark.skipif(
    shutil.which("node") is None or not MICROPYTHON.exists(),
    reason="needs Node and the vendored MicroPython (python build.py vendor)",
)
def test_the_widget_answers_alike_under_micropython(tmp_path: Path) -> None:
    table = cases()
    browser_modules = [name for name in widget_files() if name.startswith("app/widget/")]
    files = {name: str(ROOT / name) for name in widget_files()}
    files |= {
        "widget_answers.py": widget_answers.__file__,
        "cases.json": str(tmp_path / "cases.json"),
        "browser_modules.json": str(tmp_path / "browser_modules.json"),
    }
    (tmp_path / "cases.json").write_text(json.dumps(table))
    (tmp_path / "browser_modules.json").write_text(json.dumps(browser_modules))
    (tmp_path / "files.json").write_text(json.dumps(files))
    (tmp_path / "run.py").write_text(RUN)
    (tmp_path / "run.mjs").write_text(RUNNER % MICROPYTHON.as_uri())
    run = subprocess.run(
        ["node", tmp_path / "run.mjs", tmp_path / "files.json", tmp_path / "run.py"],
        capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == json.loads(json.dumps(widget_answers.answers(table)))
