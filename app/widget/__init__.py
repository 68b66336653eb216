"""The embeddable player (`embed.html`), run by MicroPython: a few KB of Python beside a small runtime.

Everything here must import under MicroPython too, so no typing, dataclasses, re or standard library
beyond json and math. The pure modules (`urls`, `sources`, `tracks`) are tested under CPython and
MicroPython; `page`, `player`, `patch` and `main` are the browser's edge. What they use of the
browser's objects is typed in `js_types.pyi`, a stub only the type checker reads: the modules import
it under `if TYPE_CHECKING:`, with `TYPE_CHECKING = False` written out since there is no typing.
"""
