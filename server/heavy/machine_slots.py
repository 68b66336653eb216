"""The slots for tools on one machine, shared by every process on it that uses the data folder (the
server's processes under `serve --workers`, `heavy-worker`s): one file per slot under
`heavy/slots/<host>/`, taken by an flock while a tool runs. So no more tools run at once on the
machine than it has CPUs, whichever processes run them; the kernel lets a dead process's slot go."""

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from server.private_files import FILE_MODE, FOLDER_MODE

WAIT = 0.05
"""Seconds between two looks for a free slot when every one is taken."""


class MachineSlots:
    def __init__(self, folder: Path, count: int) -> None:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        self.paths = [folder / str(number) for number in range(count)]

    @contextmanager
    def taken(self, stopping: Callable[[], bool]) -> Iterator[bool]:
        """Holds a free slot for the block, once there is one; gives False, holding none, once
        `stopping()` is true."""
        fd = self._take(stopping)
        try:
            yield fd is not None
        finally:
            if fd is not None:
                os.close(fd)

    def _take(self, stopping: Callable[[], bool]) -> int | None:
        while not stopping():
            for path in self.paths:
                fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    return fd
                except BlockingIOError:
                    os.close(fd)
            time.sleep(WAIT)
        return None
