"""`build.py serve` as a person runs it: prints where it is, and Ctrl-C stops it cleanly."""

import signal
import subprocess
import sys
from pathlib import Path

from buildkit.paths import ROOT
from buildkit.serving import free_port, wait_until_serving


def test_serve_prints_its_url_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port), "--data", str(tmp_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/", proc)
        proc.send_signal(signal.SIGINT)
        output, _ = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0, output
    assert f"Tonearm on http://127.0.0.1:{port}/" in output.splitlines()[0]
    assert "Traceback" not in output
