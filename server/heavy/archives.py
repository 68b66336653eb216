"""Zip files the way the targets are served: deflated, paths relative to one folder."""

import os
import zipfile
from pathlib import Path


def zip_folder(folder: Path, dest: Path, skip: frozenset[str] = frozenset()) -> int:
    """Zips `folder`'s contents, minus top-level entries named in `skip`; returns the size.

    Written beside `dest` and renamed into place, so a reader never sees half an archive.
    """
    partial = dest.with_name(f".{dest.name}.partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if path.is_file() and relative.parts[0] not in skip:
                archive.write(path, relative.as_posix())
    os.replace(partial, dest)
    return dest.stat().st_size
