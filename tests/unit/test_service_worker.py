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
