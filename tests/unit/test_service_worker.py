"""sw.js names the runtime folders it keeps: exactly the ones the lock vendors."""

import json
import re

from buildkit.lock import read_lock
from buildkit.paths import ROOT


def test_the_worker_keeps_the_locked_runtime_folders_and_no_others() -> None:
    worker = (ROOT / "sw.js").read_text()
    kept = json.loads(re.search(r"const RUNTIME = (\[[^\]]*\]);", worker)[1])
    vendored = {pin.into for pin in read_lock() if pin.registry == "npm" and "/" not in pin.into}
    assert set(kept) == vendored


def test_the_snapshot_loader_reads_the_cache_the_worker_keeps_files_in() -> None:
    """A later visit restores the snapshot the worker kept: both must name the same cache."""
    worker = (ROOT / "sw.js").read_text()
    loader = (ROOT / "static" / "js" / "pyodide-snapshot.mjs").read_text()
    cache = re.search(r'const CACHE = "([^"]+)";', worker)[1]
    assert re.search(r'const KEPT = "([^"]+)";', loader)[1] == cache
