"""The widget under the MicroPython it runs on (the vendored WebAssembly build, driven by Node): its
pure modules, app/openwhyd/eid.py and the shared time format import there and answer as under CPython, and
its browser modules compile there."""

import json
import random
from pathlib import Path

import widget_answers
from micropython_node import needs_micropython, run_in_micropython
from test_widget import ADMIN_ID, post

from buildkit.dist import widget_files
from buildkit.paths import ROOT

CASES = {
    "settings": [
        {"u": "admin", "pl": "0"},
        {"u": ADMIN_ID, "theme": "dark"},
        {"u": "dummy", "likes": "", "autoplay": ""},
        {},
        {"hot": "", "theme": "light", "api": "https://openwhyd.org"},
        {"u": "é ♫/?"},
        {"patch": "demo/sine", "autoplay": "0"},
        {"patch": "sine"},
        {"pl": "1"},
        {"u": "a", "pl": "1x"},
    ],
    "lists": [
        [
            {"u": "admin", "pl": "0"},
            [
                post(
                    "tone", "/fi//openwhyd/audio/c.wav", pl={"id": 0, "name": "Offline tones"}, img="/img/x"
                ),
                post("video", "/yt/XdJVWSqb4Ck", img="https://i.ytimg.com/vi/x/0.jpg"),
                post("band", "/bc/artist/song#https://t4.bcbits.com/stream/1"),
                post("file", "/fi/https://cdn.example/a.mp3"),
                {"name": 3},
                "junk",
            ],
        ],
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


def cases() -> dict:
    rng = random.Random(5)
    pieces = ["/", "//", "http://", "https://", "h", "é", "%", " ", "?", "#", "a.mp3", "javascript:", ":"]
    noise = ["".join(rng.choices(pieces, k=rng.randint(0, 6))) for _ in range(200)]
    return {**CASES, "texts": ["/img/a", "//cdn/x.png", "https://h/a b", "data:x", *noise]}


@needs_micropython
def test_the_widget_answers_alike_under_micropython(tmp_path: Path) -> None:
    table = cases()
    browser_modules = [name for name in widget_files() if name.startswith("app/widget/")]
    files = {name: ROOT / name for name in widget_files()}
    files |= {
        "widget_answers.py": widget_answers.__file__,
        "cases.json": tmp_path / "cases.json",
        "browser_modules.json": tmp_path / "browser_modules.json",
    }
    (tmp_path / "cases.json").write_text(json.dumps(table))
    (tmp_path / "browser_modules.json").write_text(json.dumps(browser_modules))
    printed = run_in_micropython(tmp_path, files, RUN)
    assert json.loads(printed) == json.loads(json.dumps(widget_answers.answers(table)))
