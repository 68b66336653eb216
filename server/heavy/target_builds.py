"""Who builds a target nobody has stored yet, among every process and machine that shares the
database: the first to claim it builds it, the others wait for its archive rather than build the
same plugin again (a Windows build is 10 to 30 s of a CPU). A claim is a lease its builder renews;
the claim of a builder that died runs out, and the next download takes it over."""

import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from server.clock import Clock
from server.heavy import leases
from server.heavy.store import Store

LEASE = 30.0
"""Seconds a claim holds without being renewed; its builder renews it every third of that."""
WAIT = 0.5
"""Seconds between two looks of a download waiting for another process's build."""


class TargetBuilds:
    def __init__(self, store: Store, clock: Clock) -> None:
        self.database, self.clock = store.database, clock
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def claim(self, job_id: int, path: str) -> bool:
        """Whether this process now builds `path` of the job: nobody did, or their claim ran out."""
        now = self.clock.now()
        with self.database.write() as conn:
            cursor = conn.execute(
                "INSERT INTO target_builds (job_id, path, holder, lease_until) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (job_id, path) DO UPDATE SET holder = excluded.holder,"
                " lease_until = excluded.lease_until WHERE target_builds.lease_until < ?",
                (job_id, path, self.holder, now + LEASE, now),
            )
        return cursor.rowcount == 1

    @contextmanager
    def building(self, job_id: int, path: str) -> Iterator[None]:
        """Holds the claim `claim` made while the block builds, and lets it go after."""
        try:
            with leases.renewed(lambda: self._renew(job_id, path), LEASE / 3):
                yield
        finally:
            with self.database.write() as conn:
                conn.execute(
                    "DELETE FROM target_builds WHERE job_id = ? AND path = ? AND holder = ?",
                    (job_id, path, self.holder),
                )

    def _renew(self, job_id: int, path: str) -> bool:
        with self.database.write() as conn:
            cursor = conn.execute(
                "UPDATE target_builds SET lease_until = ? WHERE job_id = ? AND path = ? AND holder = ?",
                (self.clock.now() + LEASE, job_id, path, self.holder),
            )
        return cursor.rowcount == 1
