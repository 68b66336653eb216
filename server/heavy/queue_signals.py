"""What other processes tell this one about the compile queue, heard on PostgreSQL (`Engine.listen`):
a job queued wakes this process's idle compile workers, a job's end the submits waiting for one,
as this process's own workers wake them. Workers and submits still look every `POLL` seconds
without being told, so a listener whose connection is lost slows compiles, never stops them; on
SQLite there is nothing to hear.
"""

import threading

from server.database import Engine
from server.database.engine import Listening
from server.heavy.compile_jobs import ENDED, QUEUED
from server.heavy.rings import Rings


class QueueSignals:
    """Sets `wake` (the worker pool's) for `QUEUED`, rings `ended` (the submits') for `ENDED`;
    hears nothing when not `listening` (polling only: a benchmark's comparison)."""

    def __init__(self, engine: Engine, wake: threading.Event, ended: Rings, listening: bool = True) -> None:
        self.engine, self.wake, self.ended, self.listening = engine, wake, ended, listening
        self._listening: Listening | None = None

    def start(self) -> None:
        if self.listening:
            self._listening = self.engine.listen((QUEUED, ENDED), self._heard)

    def stop(self) -> None:
        if self._listening is not None:
            self._listening.stop()

    def _heard(self, channel: str) -> None:
        if channel == QUEUED:
            self.wake.set()
        else:
            self.ended.ring()
