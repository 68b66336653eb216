"""The app's startup snapshot: Pyodide's memory after the app's archives are unpacked and its
browser-free modules imported. static/js/pyodide-snapshot.mjs restores it instead of starting
CPython from scratch.

It is sent as it is, for the transport to compress (brotli makes 31 MB into 5.5 MB, where the
page's own gunzip of a gzip file made 8 MB). It starts with the hex sha256 of the app.zip it was
made from: the loader starts without it when the app.zip it is served does not match.

Snapshots are cached by what goes into them (gzipped, in .cache/snapshots/), so `serve` from the
tree rebuilds one only after an edit, and the tests share one.
"""

import gzip
import hashlib
import json
import tempfile
from pathlib import Path

from buildkit import pyodide_node
from buildkit.paths import PYTHON_STDLIB_ZIP, ROOT
from server.whole_files import write_whole

SNAPSHOT_NAME = "app.snapshot"
MADE_FOR = 64
"""Bytes of the app.zip's hex sha256 before the memory: a multiple of 4, as Pyodide reads the
memory in 32-bit words from where it starts."""
CACHE = ROOT / ".cache" / "snapshots"
MAKER = Path(__file__).with_name("make_snapshot.mjs")
PRELOAD = Path(__file__).with_name("snapshot_preload.py")
MAKING = (MAKER, PRELOAD, Path(__file__))
"""The code that makes a snapshot: a change to it changes every snapshot."""


def snapshot_key(archives: list[bytes]) -> str:
    """Changes with the archives, the runtime and its standard library, and the code that makes
    the snapshot."""
    digest = hashlib.sha256(pyodide_node.pyodide_dir().name.encode())
    for part in (*archives, *(path.read_bytes() for path in (PYTHON_STDLIB_ZIP, *MAKING))):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:32]


def make_snapshot(archives: list[bytes]) -> bytes:
    """The snapshot of a page that unpacks `archives` in this order (as PyScript does), after the
    sha256 of the last archive, the app's."""
    cached = CACHE / f"{snapshot_key(archives)}.gz"
    if cached.is_file():
        return gzip.decompress(cached.read_bytes())
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for number, data in enumerate(archives):
            paths.append(Path(tmp) / f"{number}.zip")
            paths[-1].write_bytes(data)
        raw = Path(tmp) / "snapshot"
        printed = pyodide_node.run(MAKER, str(raw), str(PYTHON_STDLIB_ZIP), *map(str, paths))
        left_out = json.loads(printed.splitlines()[-1])["leftOut"]
        snapshot = hashlib.sha256(archives[-1]).hexdigest().encode() + raw.read_bytes()
    CACHE.mkdir(parents=True, exist_ok=True)
    write_whole(cached, gzip.compress(snapshot, compresslevel=1, mtime=0))
    print(f"startup snapshot {len(snapshot) / 1e6:.1f} MB; modules waiting for the browser: {len(left_out)}")
    return snapshot
