"""Files written aside, then renamed into place: a reader, in this process or another, sees the
whole file or none, even while processes write the same file at once."""

import os
import tempfile
from pathlib import Path


def aside(path: Path) -> Path:
    """A new empty file beside `path` (mode 0600, a name no other writer has) to write and then
    rename onto `path`."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    os.close(handle)
    return Path(name)


def write_whole(path: Path, data: bytes) -> None:
    partial = aside(path)
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def create_whole(path: Path, data: bytes) -> None:
    """`path` with `data`, unless it exists already: of processes creating it at once, one wins
    and the others leave its file as it is."""
    partial = aside(path)
    try:
        partial.write_bytes(data)
        os.link(partial, path)
    except FileExistsError:
        pass
    finally:
        partial.unlink()
