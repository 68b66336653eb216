"""Scratch folders of the processes that share a data folder (servers, `heavy-worker`s): each
process makes its compiles' folders inside one of its own under `work/`, on which it holds an
flock for as long as it lives. Clearing what stopped processes left removes only folders whose
lock can be taken: the kernel lets a lock go when its process dies, never while it runs."""

import fcntl
import os
import shutil
import tempfile
import threading
from pathlib import Path


class Scratch:
    def __init__(self, work: Path) -> None:
        self.work = work
        self._lock = threading.Lock()
        self._held: tuple[Path, int] | None = None
        """This process's folder, made on first use, and the descriptor its lock is held on."""

    def make(self) -> Path:
        """A fresh folder for one compile or build, inside this process's own; the caller removes it."""
        with self._lock:
            if self._held is None:
                self._held = _hold_new(self.work)
            return Path(tempfile.mkdtemp(dir=self._held[0]))

    def clear(self) -> None:
        """Removes this process's folder, and every folder whose process is gone; call it while
        this process compiles nothing."""
        with self._lock:
            if self._held is not None:
                folder, fd = self._held
                shutil.rmtree(folder, ignore_errors=True)
                os.close(fd)
                self._held = None
        for entry in self.work.iterdir():
            _remove_if_left(entry)


def _hold_new(work: Path) -> tuple[Path, int]:
    """A new folder under `work`, locked. Another process clearing may remove a folder just made,
    before its maker opens it or while it waits for its lock: the maker then finds it gone and
    makes another."""
    while True:
        folder = Path(tempfile.mkdtemp(dir=work, prefix=f"{os.getpid()}-"))
        try:
            fd = os.open(folder, os.O_RDONLY)
        except FileNotFoundError:
            continue
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            if os.path.samestat(os.fstat(fd), os.stat(folder)):
                return folder, fd
        except FileNotFoundError:
            pass
        os.close(fd)


def _remove_if_left(entry: Path) -> None:
    """Removes `entry` unless a live process holds its lock (older versions made unlocked folders:
    those are removed too)."""
    try:
        fd = os.open(entry, os.O_RDONLY)
    except OSError:
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    finally:
        os.close(fd)
