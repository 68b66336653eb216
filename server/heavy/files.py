"""Where uploads wait for a compile worker, by key: a folder here (a shared volume when workers run
on other machines), or, behind the same four calls, an object store later."""

import re
from pathlib import Path
from typing import Protocol

from server.whole_files import write_whole

KEY = re.compile(r"[a-z0-9_-]+(/[a-z0-9_.-]+)*")


class Files(Protocol):
    def put(self, key: str, data: bytes) -> None: ...

    def get(self, key: str) -> bytes:
        """Raises `FileNotFoundError` for a key that holds nothing."""

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None:
        """Nothing happens for a key that holds nothing."""


class LocalFiles:
    """Each key a file under `root`; a write is whole or absent (written aside, then renamed)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        if not KEY.fullmatch(key) or ".." in key:
            raise ValueError(f"not a file key: {key!r}")
        return self.root / key

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(path, data)

    def get(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)
