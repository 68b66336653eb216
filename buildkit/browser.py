"""Which Chromium the tests and the benchmark drive."""

import os
import shutil
from pathlib import Path

DEBIAN_CHROMIUM = Path("/usr/lib/chromium/chromium")

# Without these, Chromium keeps dialling Google's hosts, which this offline machine refuses.
QUIET_FLAGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--autoplay-policy=no-user-gesture-required",
]


def chromium_executable() -> str | None:
    """`CHROMIUM`, else Debian's binary, else `chromium` on PATH; None means Playwright's own."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    if DEBIAN_CHROMIUM.exists():
        return str(DEBIAN_CHROMIUM)
    return shutil.which("chromium")


def launch_options() -> dict:
    options: dict = {"args": QUIET_FLAGS}
    executable = chromium_executable()
    if executable:
        options["executable_path"] = executable
    return options
