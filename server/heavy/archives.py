"""Zip files the way the targets are served: deflated, paths relative to one folder."""

import os
import zipfile
from pathlib import Path

from server.whole_files import aside


def zip_folder(folder: Path, dest: Path, skip: frozenset[str] = frozenset()) -> int:
    """Zips `folder`'s contents, minus top-level entries named in `skip`; returns the size.

    Written beside `dest` and renamed into place, so a reader never sees half an archive, and
    processes building the same archive at once do not write into each other's.
    """
    partial = aside(dest)
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(folder.rglob("*")):
                relative = path.relative_to(folder)
                if path.is_file() and relative.parts[0] not in skip:
                    archive.write(path, relative.as_posix())
        os.replace(partial, dest)
    finally:
        partial.unlink(missing_ok=True)
    return dest.stat().st_size
