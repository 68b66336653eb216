"""The embeddable player (`embed.html`), run by MicroPython: a few KB of Python beside a small runtime.

Everything here must import under MicroPython too, so no typing, dataclasses, re or standard library
beyond json and math. The pure modules (`urls`, `sources`, `tracks`) are tested under CPython and
MicroPython; `page`, `player`, `patch` and `main` are the browser's edge.
"""
