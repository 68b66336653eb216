"""Reproducible zip archives of Python trees, the form the browser receives code in.

Members are stored, not deflated: the transport compresses the whole archive (brotli, from the
copies `build.py build` writes), which packs it to about half of what deflating each file alone
does, since the files share most of their words; the browser unpacks stored members faster too.
"""

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def tree_files(folder: Path, base: Path, *, bytecode: bool) -> Iterable[tuple[str, Path]]:
    """Sources and data under `folder` as (archive name, file); `__pycache__` only if `bytecode`."""
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or (path.suffix == ".pyc" and path.parent.name != "__pycache__"):
            continue
        if path.parent.name == "__pycache__" and not bytecode:
            continue
        yield path.relative_to(base).as_posix(), path


def zip_bytes(members: Iterable[tuple[str, bytes]]) -> bytes:
    """Same input, same bytes: fixed timestamps and order, so caches and hashes stay stable."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in sorted(members):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def zip_tree(folder: Path, base: Path, *, bytecode: bool) -> bytes:
    return zip_bytes((name, path.read_bytes()) for name, path in tree_files(folder, base, bytecode=bytecode))
