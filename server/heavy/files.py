"""What the service keeps by key: uploads waiting for a compile worker, and each compiled job's tree
and target archives. A folder here (a shared volume when workers run on other machines), or, behind
the same calls, an object store later: a key names one whole object, written whole or not at all,
and a key's folders group what is deleted together."""

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Protocol, runtime_checkable

from server.whole_files import aside

KEY = re.compile(r"[a-z0-9_-]+(/[a-z0-9_.-]+)*")
CHUNK = 1024 * 1024


class Files(Protocol):
    def put(self, key: str, data: bytes) -> None: ...

    def put_file(self, key: str, source: Path) -> None:
        """Stores `source`'s content without holding it in memory."""

    def get(self, key: str) -> bytes:
        """Raises `FileNotFoundError` for a key that holds nothing."""

    def chunks(self, key: str) -> Iterator[bytes]:
        """The content in pieces, for objects too big to hold; raises `FileNotFoundError` at the
        call, not while iterating, for a key that holds nothing."""

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None:
        """Nothing happens for a key that holds nothing."""

    def delete_tree(self, prefix: str) -> None:
        """Deletes every key that starts with `prefix/`."""


@runtime_checkable
class OnDisk(Protocol):
    """A store whose objects are files on this machine, which a server can send as they are."""

    def path(self, key: str) -> Path: ...


class LocalFiles:
    """Each key a file under `root`; a write is whole or absent (written aside, then renamed)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        """The file that holds `key`, whether or not it exists."""
        if not KEY.fullmatch(key) or ".." in key:
            raise ValueError(f"not a file key: {key!r}")
        return self.root / key

    def put(self, key: str, data: bytes) -> None:
        self._write(key, lambda out: out.write(data))

    def put_file(self, key: str, source: Path) -> None:
        with source.open("rb") as handle:
            self._write(key, lambda out: shutil.copyfileobj(handle, out, CHUNK))

    def _write(self, key: str, fill: Callable[[BinaryIO], object]) -> None:
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = aside(path)
        try:
            with partial.open("wb") as out:
                fill(out)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)

    def get(self, key: str) -> bytes:
        return self.path(key).read_bytes()

    def chunks(self, key: str) -> Iterator[bytes]:
        return _read(self.path(key).open("rb"))

    def exists(self, key: str) -> bool:
        return self.path(key).is_file()

    def delete(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)

    def delete_tree(self, prefix: str) -> None:
        shutil.rmtree(self.path(prefix), ignore_errors=True)


def _read(handle: BinaryIO) -> Iterator[bytes]:
    with handle:
        while chunk := handle.read(CHUNK):
            yield chunk


def save(files: Files, key: str, dest: Path) -> None:
    """Copies the object at `key` into the file `dest`, piece by piece."""
    pieces = files.chunks(key)
    with dest.open("wb") as out:
        for piece in pieces:
            out.write(piece)
