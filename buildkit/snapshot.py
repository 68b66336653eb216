"""The app's startup snapshot: Pyodide's memory after the app's archives are unpacked and its
browser-free modules imported, gzipped. static/js/pyodide-snapshot.mjs restores it instead of
starting CPython from scratch.

Snapshots are cached by what goes into them, so `serve` from the tree rebuilds one only after an
edit, and the tests share one.
"""

import gzip
import hashlib
import io
import json
import tempfile
from pathlib import Path

from buildkit import pyodide_node
from buildkit.paths import ROOT
from server.whole_files import write_whole

SNAPSHOT_NAME = "app.snapshot.gz"
CACHE = ROOT / ".cache" / "snapshots"
MAKER = Path(__file__).with_name("make_snapshot.mjs")
PRELOAD = Path(__file__).with_name("snapshot_preload.py")
MAKING = (MAKER, PRELOAD, Path(__file__))
"""The code that makes a snapshot: a change to it changes every snapshot."""


def snapshot_key(archives: list[bytes]) -> str:
    """Changes with the archives, the runtime, and the code that makes the snapshot."""
    digest = hashlib.sha256(pyodide_node.pyodide_dir().name.encode())
    for part in (*archives, *(path.read_bytes() for path in MAKING)):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:32]


def gzip_naming(data: bytes, name: str) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename=name, mode="wb", fileobj=buffer, compresslevel=6, mtime=0) as packed:
        packed.write(data)
    return buffer.getvalue()


def make_snapshot(archives: list[bytes]) -> bytes:
    """The gzipped snapshot of a page that unpacks `archives` in this order (as PyScript does).
    The gzip header's file name is the sha256 of the last archive, the app's: the loader starts
    without the snapshot when the app.zip it is served does not match."""
    cached = CACHE / f"{snapshot_key(archives)}.gz"
    if cached.is_file():
        return cached.read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for number, data in enumerate(archives):
            paths.append(Path(tmp) / f"{number}.zip")
            paths[-1].write_bytes(data)
        raw = Path(tmp) / "snapshot"
        printed = pyodide_node.run(MAKER, str(raw), *map(str, paths))
        left_out = json.loads(printed.splitlines()[-1])["leftOut"]
        packed = gzip_naming(raw.read_bytes(), hashlib.sha256(archives[-1]).hexdigest())
    CACHE.mkdir(parents=True, exist_ok=True)
    write_whole(cached, packed)
    print(f"startup snapshot {len(packed) / 1e6:.1f} MB; modules that wait for the browser: {len(left_out)}")
    return packed
