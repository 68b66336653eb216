"""app/openwhyd/eid.py under the MicroPython the embeddable widget runs (the vendored WebAssembly build,
driven by Node): it must import and give the same answers as under CPython."""

import json
import random
from pathlib import Path

from micropython_node import needs_micropython, run_in_micropython
from test_eid import NOT_TRACKS, PASTED_URLS, URL_PIECES

from app.openwhyd import eid

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


@needs_micropython
def test_micropython_gives_the_same_answers_as_cpython(tmp_path: Path) -> None:
    texts = inputs()
    (tmp_path / "inputs.json").write_text(json.dumps(texts))
    files = {"eid.py": eid.__file__, "inputs.json": tmp_path / "inputs.json"}
    printed = run_in_micropython(tmp_path, files, ANSWERS)
    assert json.loads(printed) == [answers(text) for text in texts]
