"""`build.py vendor`: the browser runtime and build tools from the registries, checked against the lock."""

import fnmatch
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

from buildkit import archive, mpy_cross, pyodide_node
from buildkit.lock import Pin, read_lock, relock, sha256_of, verify
from buildkit.paths import DOWNLOADS, LOCK, PYTHON_PACKAGES_ZIP, PYTHON_STDLIB_ZIP, STOCK_STDLIB, VENDOR
from buildkit.pip_download import pip_download

STAMP = VENDOR / ".vendored"
LAYOUT = 2
"""Raised when `vendor` lays the files out differently, so that a checkout vendored before vendors
again (2: the standard library compiled, the zips stored for the transport to compress)."""


def stamp() -> str:
    return f"{sha256_of(LOCK)} layout {LAYOUT}"


def is_vendored() -> bool:
    return STAMP.is_file() and STAMP.read_text() == stamp()


def ensure_vendored() -> None:
    """Vendor on first use, and again whenever the lock changed."""
    if not is_vendored():
        vendor()


def download(pin: Pin) -> Path:
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    if pin.registry == "npm":
        npm = shutil.which("npm")
        if npm is None:
            sys.exit("npm is not on PATH: install Node.js with npm (Debian: apt-get install npm).")
        subprocess.run(
            [npm, "pack", pin.spec, "--silent", "--pack-destination", str(DOWNLOADS)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    else:
        binary = "--no-binary" if pin.file.endswith(".tar.gz") else "--only-binary"
        pip_download(pin.spec, DOWNLOADS, binary, ":all:")
    return DOWNLOADS / pin.download_name


def cached_or_download(pin: Pin) -> Path:
    path = DOWNLOADS / pin.download_name
    return path if path.is_file() else download(pin)


def members(path: Path) -> dict[str, bytes]:
    """Every regular file of a .tgz, .tar.gz or .whl, by member name."""
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel:
            return {name: wheel.read(name) for name in wheel.namelist() if not name.endswith("/")}
    with tarfile.open(path) as tar:
        return {m.name: _file_data(tar, m) for m in tar.getmembers() if m.isfile()}


def _file_data(tar: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    data = tar.extractfile(member)
    assert data is not None, "a tar answers the data of every regular file"
    return data.read()


def selected(pin: Pin, files: dict[str, bytes]) -> dict[str, bytes]:
    prefix = "package/" if pin.registry == "npm" else ""
    chosen = {
        name.removeprefix(prefix): data
        for name, data in files.items()
        if any(fnmatch.fnmatch(name.removeprefix(prefix), pattern) for pattern in pin.files)
    }
    missing = [p for p in pin.files if not any(fnmatch.fnmatch(n, p) for n in chosen)]
    if missing:
        raise SystemExit(f"{pin.spec}: nothing matches {missing}; check the lock's file list.")
    return chosen


def install_npm(pin: Pin, files: dict[str, bytes]) -> None:
    target = VENDOR / pin.into
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name, data in selected(pin, files).items():
        (target / Path(name).name).write_bytes(data)


def python_packages_zip(pins: list[tuple[Pin, dict[str, bytes]]]) -> bytes:
    """jinja2 and pure MarkupSafe in one archive, with Pyodide-made bytecode."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for pin, files in pins:
            for name, data in selected(pin, files).items():
                dest = root / name.removeprefix(pin.strip)
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(data)
        pyodide_node.compile_tree(root)
        return archive.zip_tree(root, root, bytecode=True)


def compiled_stdlib(stock: Path) -> bytes:
    """Pyodide's standard library as bytecode made by Pyodide itself. Pyodide ships it as
    sources, which every start without the snapshot compiles again as it imports them (2 to 3 s
    of a start on the build machine); the bytecode costs 0.7 MB more on the wire, brotli-packed."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with zipfile.ZipFile(stock) as library:
            library.extractall(root)
        pyodide_node.compile_stdlib(root)
        files = (path for path in root.rglob("*") if path.is_file() and path.suffix != ".py")
        return archive.zip_bytes((path.relative_to(root).as_posix(), path.read_bytes()) for path in files)


def vendor(*, relock_checksums: bool = False) -> None:
    pins = read_lock()
    fetched = [(pin, cached_or_download(pin)) for pin in pins]
    if relock_checksums:
        relock(pins, {pin.spec: sha256_of(path) for pin, path in fetched})
        mpy_cross.relock()
        pins = read_lock()
    for pin, path in fetched:
        verify(pin, path)
    STAMP.unlink(missing_ok=True)
    unpacked = [(pin, members(path)) for pin, path in fetched]
    for pin, files in unpacked:
        if pin.registry == "npm":
            install_npm(pin, files)
    PYTHON_PACKAGES_ZIP.write_bytes(
        python_packages_zip([(pin, files) for pin, files in unpacked if pin.registry == "pypi"])
    )
    mpy_cross.compiler()
    PYTHON_STDLIB_ZIP.write_bytes(compiled_stdlib(pyodide_node.pyodide_dir() / STOCK_STDLIB))
    STAMP.write_text(stamp())
    print(f"vendored {len(pins)} pinned packages into {VENDOR.relative_to(VENDOR.parents[1])}/")
