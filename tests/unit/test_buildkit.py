"""Build tooling: the lock, reproducible archives, and pages that point at the pinned runtime."""

import io
import json
import re
import tomllib
import zipfile
from pathlib import Path

import pytest

from buildkit.archive import zip_tree
from buildkit.lock import ChecksumMismatch, Pin, read_lock, sha256_of, verify
from buildkit.paths import PYTHON_STDLIB_ZIP, ROOT, STOCK_STDLIB, VENDOR


def test_verify_refuses_a_file_that_differs_from_the_lock(tmp_path: Path) -> None:
    file = tmp_path / "pkg.tgz"
    file.write_bytes(b"tampered")
    pin = Pin("npm", "pkg", "1.0.0", "0" * 64, ("*",))
    with pytest.raises(ChecksumMismatch, match=r"pkg@1\.0\.0"):
        verify(pin, file)
    verify(Pin("npm", "pkg", "1.0.0", sha256_of(file), ("*",)), file)


def test_lock_pins_every_runtime_piece() -> None:
    names = {pin.name for pin in read_lock()}
    assert {
        "@pyscript/core",
        "pyodide",
        "@micropython/micropython-webassembly-pyscript",
        "jinja2",
        "markupsafe",
    } <= names
    assert all(re.fullmatch(r"[0-9a-f]{64}", pin.sha256) for pin in read_lock())


def test_pages_use_the_locked_runtime_versions() -> None:
    pins = {pin.name: pin for pin in read_lock()}
    config = tomllib.loads((ROOT / "pyscript.toml").read_text())
    assert config["interpreter"] == "./static/js/pyodide-snapshot.mjs"
    snapshot_loader = (ROOT / "static" / "js" / "pyodide-snapshot.mjs").read_text()
    assert set(re.findall(r"\.\./vendor/(pyodide-[^/]+)/", snapshot_loader)) == {pins["pyodide"].into}
    index = (ROOT / "index.html").read_text()
    assert f"./static/vendor/{pins['@pyscript/core'].into}/core.js" in index
    locked = {pin.into for pin in pins.values()}
    assert set(re.findall(r"\./static/vendor/([^/\"]+)/", index)) <= locked
    assert "packages" not in config, "packages would need micropip, which is not vendored"


def test_archives_are_reproducible_and_skip_foreign_bytecode(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "__pycache__").mkdir(parents=True)
    (pkg / "__init__.py").write_text("x = 1\n")
    (pkg / "page.html").write_text("<p>hi</p>")
    (pkg / "__pycache__" / "__init__.cpython-314.pyc").write_bytes(b"pyc")
    (pkg / "stray.pyc").write_bytes(b"pyc")
    first = zip_tree(pkg, tmp_path, bytecode=False)
    assert first == zip_tree(pkg, tmp_path, bytecode=False)
    assert zipfile.ZipFile(io.BytesIO(first)).namelist() == ["pkg/__init__.py", "pkg/page.html"]
    with_bytecode = zipfile.ZipFile(io.BytesIO(zip_tree(pkg, tmp_path, bytecode=True))).namelist()
    assert "pkg/__pycache__/__init__.cpython-314.pyc" in with_bytecode
    assert "pkg/stray.pyc" not in with_bytecode
    assert {member.compress_type for member in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {
        zipfile.ZIP_STORED
    }, "stored, for the transport to compress the whole archive"


def test_the_pages_standard_library_is_pyodides_compiled_to_bytecode() -> None:
    """Every module Pyodide ships as source is there as bytecode beside where its source was, for
    zipimport; its other files are kept."""
    (pyodide,) = (pin.into for pin in read_lock() if pin.name == "pyodide")
    with zipfile.ZipFile(VENDOR / pyodide / STOCK_STDLIB) as stock:
        shipped = {name for name in stock.namelist() if not name.endswith("/")}
    with zipfile.ZipFile(PYTHON_STDLIB_ZIP) as compiled:
        ours = compiled.namelist()
        magic = {compiled.read(name)[:4] for name in ours if name.endswith(".pyc")}
    assert set(ours) == {name + "c" if name.endswith(".py") else name for name in shipped}
    assert len(magic) == 1, "one interpreter made them all"


def test_the_page_asks_first_thing_for_the_runtime_the_snapshot_loader_waits_for() -> None:
    """The loader restores the snapshot on a first visit only if the runtime came before app.zip:
    index.html must preload exactly those files, where the loader takes them from."""
    index = (ROOT / "index.html").read_text()
    preloaded = set(re.findall(r'<link rel="preload" href="\./([^"]+)" as="fetch" crossorigin>', index))
    (pyodide,) = (pin.into for pin in read_lock() if pin.name == "pyodide")
    runtime = {f"static/vendor/{pyodide}/pyodide.asm.wasm", PYTHON_STDLIB_ZIP.relative_to(ROOT).as_posix()}
    assert runtime <= preloaded
    loader = (ROOT / "static" / "js" / "pyodide-snapshot.mjs").read_text()
    assert 'new URL("pyodide.asm.wasm", indexURL)' in loader
    assert f'new URL("../vendor/{PYTHON_STDLIB_ZIP.name}", import.meta.url)' in loader


def test_lock_file_is_valid_json_with_a_comment() -> None:
    assert "relock" in json.loads((ROOT / "vendor.lock.json").read_text())["comment"]
