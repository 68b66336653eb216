"""The widget under the MicroPython it runs on (the vendored WebAssembly build, driven by Node): its
pure modules, app/openwhyd/eid.py and the shared time format import there and answer as under CPython,
from their sources and as the page runs them, compiled in its bundle; its browser modules compile there."""

import json
import random
import re
from pathlib import Path

import widget_answers
from micropython_node import needs_micropython, run_in_micropython
from test_widget import ADMIN_ID, post

from buildkit.paths import ROOT
from buildkit.widget_bundle import BUNDLE, WIDGET_PAGE, widget_bundle, widget_modules

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
PAGE_SCRIPT = re.compile(r"<script type=\"mpy\" config='[^']*'>\n(.*)from app\.widget\.main ", re.S)
MOUNT = PAGE_SCRIPT.search((ROOT / WIDGET_PAGE).read_text())[1]
"""What the page runs before the widget's first import: it mounts the bundle."""
RUN_BUNDLE = """
import sys, json
sys.path.append("/")
import widget_answers
print(json.dumps(widget_answers.answers(json.load(open("/cases.json")))))
files = {name: getattr(module, "__file__", "") for name, module in sys.modules.items()}
print(json.dumps({name: file for name, file in files.items() if name.startswith("app.") and file}))
"""


def cases() -> dict:
    rng = random.Random(5)
    pieces = ["/", "//", "http://", "https://", "h", "é", "%", " ", "?", "#", "a.mp3", "javascript:", ":"]
    noise = ["".join(rng.choices(pieces, k=rng.randint(0, 6))) for _ in range(200)]
    params = [
        ["freq", 20.0, 2000.0, 440.0],
        ["gain", 0.0, 1.0, 0.25],
        ["fixed", 1.0, 1.0, 1.0],
        ["odd", 0.0, 3.0, 1.234567],
    ]
    typed = ["440", "-5", "99999", "0.5", "abc", "", "1e3", "nan", "inf"]
    texts = ["/img/a", "//cdn/x.png", "https://h/a b", "data:x", *noise]
    return {**CASES, "texts": texts, "params": params, "typed": typed}


@needs_micropython
def test_the_widget_answers_alike_under_micropython(tmp_path: Path) -> None:
    table = cases()
    browser_modules = [name for name in widget_modules(ROOT) if name.startswith("app/widget/")]
    files = {name: ROOT / name for name in widget_modules(ROOT)}
    files |= {
        "widget_answers.py": widget_answers.__file__,
        "cases.json": tmp_path / "cases.json",
        "browser_modules.json": tmp_path / "browser_modules.json",
    }
    (tmp_path / "cases.json").write_text(json.dumps(table))
    (tmp_path / "browser_modules.json").write_text(json.dumps(browser_modules))
    printed = run_in_micropython(tmp_path, files, RUN)
    assert json.loads(printed) == json.loads(json.dumps(widget_answers.answers(table)))


@needs_micropython
def test_the_bundle_mounted_as_the_page_does_holds_compiled_modules_that_answer_alike(tmp_path: Path) -> None:
    table = cases()
    (tmp_path / "cases.json").write_text(json.dumps(table))
    (tmp_path / BUNDLE).write_bytes(widget_bundle(ROOT))
    files = {
        BUNDLE: tmp_path / BUNDLE,
        "widget_answers.py": widget_answers.__file__,
        "cases.json": tmp_path / "cases.json",
    }
    answers, loaded = run_in_micropython(tmp_path, files, MOUNT + RUN_BUNDLE).splitlines()
    assert json.loads(answers) == json.loads(json.dumps(widget_answers.answers(table)))
    assert json.loads(loaded) == {
        "app.openwhyd.eid": "/widget/app/openwhyd/eid.mpy",
        "app.openwhyd.paths": "/widget/app/openwhyd/paths.mpy",
        "app.player.patch_controls": "/widget/app/player/patch_controls.mpy",
        "app.player.time_format": "/widget/app/player/time_format.mpy",
        "app.widget.settings": "/widget/app/widget/settings.mpy",
        "app.widget.sources": "/widget/app/widget/sources.mpy",
        "app.widget.tracks": "/widget/app/widget/tracks.mpy",
        "app.widget.urls": "/widget/app/widget/urls.mpy",
    }
