"""`build.py build`: a dist/ any static host can serve from any sub-path (relative URLs only)."""

import shutil
import tempfile
from pathlib import Path

from buildkit import archive, pyodide_node
from buildkit.compression import precompress
from buildkit.page_policy import read_config
from buildkit.paths import APP, PYTHON_PACKAGES_ZIP, ROOT, STOCK_STDLIB, TEST_VENDOR, VENDOR
from buildkit.policy_files import HEADERS_FILE, headers_file
from buildkit.snapshot import SNAPSHOT_NAME, make_snapshot
from buildkit.widget_bundle import BUNDLE, WIDGET_PAGE, widget_bundle

PAGES = ("index.html", "pyscript.toml", WIDGET_PAGE, "sw.js")
"""The files at the app's root; sw.js sits there so that its scope is the whole app."""
STATIC_SKIP = shutil.ignore_patterns(".vendored", "__pycache__", TEST_VENDOR.name, STOCK_STDLIB)
"""Never loaded by the app's pages: the test tools, and the standard library as Pyodide ships it
(they load it compiled, buildkit/vendor.py)."""


def app_archive_with_bytecode() -> bytes:
    """The app's package with Pyodide-made .pyc beside the sources: imports skip compiling."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "app"
        shutil.copytree(APP, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        pyodide_node.compile_tree(copy)
        return archive.zip_tree(copy, Path(tmp), bytecode=True)


def build_dist(out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for page in PAGES:
        shutil.copy2(ROOT / page, out / page)
    shutil.copytree(ROOT / "static", out / "static", ignore=STATIC_SKIP)
    app_zip = app_archive_with_bytecode()
    (out / "app.zip").write_bytes(app_zip)
    (out / SNAPSHOT_NAME).write_bytes(make_snapshot([PYTHON_PACKAGES_ZIP.read_bytes(), app_zip]))
    (out / BUNDLE).write_bytes(widget_bundle(ROOT))
    size = _size(out)
    skipped = precompress(out)
    (out / HEADERS_FILE).write_text(headers_file(read_config(out / "pyscript.toml")))
    print(f"built {out} ({size / 1e6:.1f} MB, runtime from {VENDOR.name}/)")
    print(f"  compressed copies beside the files they make smaller: {(_size(out) - size) / 1e6:.1f} MB")
    print(f"  not worth compressing: {', '.join(str(path.relative_to(out)) for path in skipped) or 'none'}")


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
