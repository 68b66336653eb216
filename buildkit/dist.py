"""`build.py build`: a dist/ any static host can serve from any sub-path (relative URLs only)."""

import shutil
import tempfile
from pathlib import Path

from buildkit import archive, pyc
from buildkit.paths import APP, ROOT, VENDOR

PAGES = ("index.html", "pyscript.toml")
STATIC_SKIP = shutil.ignore_patterns(".vendored", "__pycache__")


def app_archive_with_bytecode() -> bytes:
    """The app's package with Pyodide-made .pyc beside the sources: imports skip compiling."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "app"
        shutil.copytree(APP, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        pyc.compile_tree(copy)
        return archive.zip_tree(copy, Path(tmp), bytecode=True)


def build_dist(out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for page in PAGES:
        shutil.copy2(ROOT / page, out / page)
    shutil.copytree(ROOT / "static", out / "static", ignore=STATIC_SKIP)
    (out / "app.zip").write_bytes(app_archive_with_bytecode())
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(f"built {out} ({size / 1e6:.1f} MB, runtime from {VENDOR.name}/)")
