"""Loads a built library in a process of its own and says what it found, as JSON on stdout.

A plugin built with `-ffast-math` switches the CPU to flush subnormal floats to zero for the whole
process that loads it, which broke every later test that generates floats (hypothesis refuses to
run then): the tests load binaries here, never in their own process.

    python native_probe.py exports LIBRARY NAME...   → the names the library exports
    python native_probe.py unity LIBRARY FREQ_HASH   → half a second of the sine patch, by channel
"""

import ctypes
import json
import subprocess
import sys
from pathlib import Path
from typing import Any


def probe(*args: str) -> Any:
    """What this script prints for `args`, run in a new process."""
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(done.stdout)


def _exports(library: str, *names: str) -> list[str]:
    loaded = ctypes.CDLL(library)
    return [name for name in names if hasattr(loaded, name)]


def _unity(library: str, freq_hash: str) -> list[list[float]]:
    lib = ctypes.CDLL(library)
    pointer = ctypes.c_void_p
    lib.hv_sine_new_with_options.restype = pointer
    lib.hv_sine_new_with_options.argtypes = [ctypes.c_double, ctypes.c_int, ctypes.c_int, ctypes.c_int]
    lib.hv_sendFloatToReceiver.argtypes = [pointer, ctypes.c_uint32, ctypes.c_float]
    lib.hv_processInlineInterleaved.argtypes = [pointer, pointer, pointer, ctypes.c_int]
    lib.hv_getNumOutputChannels.argtypes = [pointer]
    lib.hv_delete.argtypes = [pointer]
    context = lib.hv_sine_new_with_options(48000.0, 10, 2, 2)
    try:
        channels = lib.hv_getNumOutputChannels(context)
        lib.hv_sendFloatToReceiver(context, int(freq_hash), 1000.0)
        frames = 48000 // 2
        out = (ctypes.c_float * (channels * frames))()
        processed = lib.hv_processInlineInterleaved(context, None, out, frames)
    finally:
        lib.hv_delete(context)
    if processed != frames:
        raise SystemExit(f"processed {processed} frames of {frames}")
    return [list(out[channel::channels]) for channel in range(channels)]


if __name__ == "__main__":
    command, library, *rest = sys.argv[1:]
    found = {"exports": _exports, "unity": _unity}[command](str(Path(library)), *rest)
    json.dump(found, sys.stdout)
