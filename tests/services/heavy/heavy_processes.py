"""Slow compiles and the hvcc processes running them, for suites that stop or kill what compiles."""

from contextlib import suppress
from pathlib import Path

VOICES = 1500
"""Oscillators in the slow patch: hvcc takes seconds over them, far longer than the waits the suites allow."""


def slow_patch() -> str:
    lines = ["#N canvas 0 0 480 320 12;", "#X obj 10 10 dac~;"]
    for voice in range(VOICES):
        lines += [f"#X obj 10 {20 + voice} osc~ {100 + voice};", f"#X obj 90 {20 + voice} *~ 0.001;"]
    for voice in range(VOICES):
        lines += [f"#X connect {2 * voice + 1} 0 {2 * voice + 2} 0;", f"#X connect {2 * voice + 2} 0 0 0;"]
    return "\n".join(lines) + "\n"


def compile_workers(data: Path) -> list[int]:
    """Live hvcc workers compiling under `data` (a zombie's command line reads empty)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with suppress(OSError):
            words = cmdline.read_bytes().split(b"\0")
            worker = any(word.endswith(b"compile_worker.py") for word in words)
            if worker and any(str(data).encode() in word for word in words):
                found.append(int(cmdline.parent.name))
    return found
