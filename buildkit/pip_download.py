"""Files from PyPI as pip fetches them, for the pinned downloads that `vendor.lock.json` checks."""

import subprocess
import sys
from pathlib import Path


def pip_download(spec: str, dest: Path, *options: str) -> None:
    """`spec` alone (no dependencies) into `dest`, quietly; `options` choose the distribution."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            *options,
            "--dest",
            str(dest),
            spec,
        ],
        check=True,
    )
