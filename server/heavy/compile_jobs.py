"""The compile queue, as rows of `compile_jobs`: queued → running (a worker's claim, held by a
lease it renews) → done (its job recorded) or failed.

A job is numbered when it is queued and keeps that number through every attempt. A claim whose
lease ran out (its worker died) is queued again, up to `ATTEMPTS` claims; each claim is one
attempt, and only the attempt that still holds the claim may record the job, so a stale worker's
result is dropped and no job is recorded twice. Leases are read on the clock of whoever looks:
the worker that claims, the server that waits for the job.

Queueing a job notifies `QUEUED`, and a job's end (recorded, failed) `ENDED`, in the transaction
that makes it so (`Engine.notify`): on PostgreSQL, workers and waiting submits in other processes
hear of it at once (queue_signals.py) rather than at their next look.
"""

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from server.clock import Clock
from server.database import Connection
from server.heavy.compiler import Outcome
from server.heavy.records import Patch, User
from server.heavy.store import Store, insert_job

LEASE = 30.0
"""Seconds a claim holds without being renewed; workers renew it every third of that."""
QUEUED = "compile_queued"
ENDED = "compile_ended"
ATTEMPTS = 3
"""Claims a job may lose before it fails: a patch that kills every worker that takes it stops
being handed out."""


@dataclass(frozen=True)
class Claim:
    id: int
    attempt: int
    owner: str
    patch: str
    index: int
    upload: str


@dataclass(frozen=True)
class State:
    state: str
    index: int
    failure: str | None


class CompileJobs:
    def __init__(self, store: Store, clock: Clock) -> None:
        self.store, self.clock = store, clock
        self.database = store.database

    def enqueue(
        self,
        patch: Patch,
        submitter: User,
        *,
        release: str,
        submitted_at: str,
        upload: str,
        notes: Sequence[dict] = (),
    ) -> int:
        """Numbers the job and queues it; returns the queue row's id. `notes` are warnings the
        job will carry before hvcc's."""
        with self.database.write() as conn:
            index = self.store.next_index(conn, patch.id)
            self.database.engine.notify(conn, QUEUED)
            return conn.execute(
                "INSERT INTO compile_jobs (patch_id, idx, release, submitted_by, submitted_at, upload, notes)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (patch.id, index, release, submitter.id, submitted_at, upload, json.dumps(list(notes))),
            ).fetchone()[0]

    def claim(self, worker: str, only: int | None = None) -> Claim | None:
        """The oldest queued job (or job `only`), now running under `worker`'s lease; None when
        there is none to take. Expired claims are queued again first."""
        engine = self.database.engine
        conn = self.database.connection()
        engine.begin_claim(conn)
        try:
            self._expire(conn)
            row = conn.execute(
                "UPDATE compile_jobs SET state = 'running', worker = ?, lease_until = ?,"
                " attempts = attempts + 1 WHERE id = (SELECT id FROM compile_jobs"
                " WHERE state = 'queued' AND (? IS NULL OR id = ?) ORDER BY id LIMIT 1"
                f" {engine.skip_locked}) RETURNING id, attempts",
                (worker, self.clock.now() + LEASE, only, only),
            ).fetchone()
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return row and self._claim(row["id"], row["attempts"])

    def _claim(self, job_id: int, attempt: int) -> Claim:
        row = (
            self.database.connection()
            .execute(
                "SELECT q.idx, q.upload, o.name AS owner, p.name AS patch FROM compile_jobs q"
                " JOIN patches p ON p.id = q.patch_id JOIN users o ON o.id = p.owner_id WHERE q.id = ?",
                (job_id,),
            )
            .fetchone()
        )
        return Claim(job_id, attempt, row["owner"], row["patch"], row["idx"], row["upload"])

    def expire(self) -> None:
        """Queues again the jobs whose workers stopped renewing their claim."""
        with self.database.write() as conn:
            self._expire(conn)

    def _expire(self, conn: Connection) -> None:
        states = conn.execute(
            "UPDATE compile_jobs SET state = CASE WHEN attempts < ? THEN 'queued' ELSE 'failed' END,"
            " failure = CASE WHEN attempts < ? THEN NULL ELSE ? END, worker = NULL, lease_until = NULL"
            " WHERE state = 'running' AND lease_until < ? RETURNING state",
            (ATTEMPTS, ATTEMPTS, f"its compile stopped {ATTEMPTS} times without an end", self.clock.now()),
        )
        for state in {row["state"] for row in states}:
            self.database.engine.notify(conn, QUEUED if state == "queued" else ENDED)

    def renew(self, claim: Claim) -> bool:
        """False once the claim is lost: the job was queued again and maybe taken by another."""
        with self.database.write() as conn:
            cursor = conn.execute(
                "UPDATE compile_jobs SET lease_until = ? WHERE id = ? AND attempts = ? AND state = 'running'",
                (self.clock.now() + LEASE, claim.id, claim.attempt),
            )
        return cursor.rowcount == 1

    def finish(self, claim: Claim, outcome: Outcome, place_files: Callable[[int], object]) -> int | None:
        """Records the job and lets `place_files` keep its files under the job's id, if `claim`
        still holds, in one transaction: the job is not recorded if they cannot be kept. The job's
        id, or None when the claim was lost and the result dropped."""
        with self.database.write() as conn:
            row = conn.execute(
                "UPDATE compile_jobs SET state = 'done', lease_until = NULL"
                " WHERE id = ? AND attempts = ? AND state = 'running'"
                " RETURNING patch_id, idx, release, submitted_by, submitted_at, notes",
                (claim.id, claim.attempt),
            ).fetchone()
            if row is None:
                return None
            self.database.engine.notify(conn, ENDED)
            job_id = insert_job(
                conn,
                row["patch_id"],
                row["idx"],
                release=row["release"],
                submitter_id=row["submitted_by"],
                submitted_at=row["submitted_at"],
                compile_time=outcome.compile_time,
                warnings=[*json.loads(row["notes"]), *outcome.warnings],
                errors=outcome.errors,
            )
            conn.execute("UPDATE compile_jobs SET job_id = ? WHERE id = ?", (job_id, claim.id))
            place_files(job_id)
        return job_id

    def fail(self, claim: Claim, failure: str) -> None:
        """The job cannot be compiled at all (its upload is gone); its number stays spent."""
        with self.database.write() as conn:
            conn.execute(
                "UPDATE compile_jobs SET state = 'failed', failure = ?, lease_until = NULL"
                " WHERE id = ? AND attempts = ? AND state = 'running'",
                (failure, claim.id, claim.attempt),
            )
            self.database.engine.notify(conn, ENDED)

    def state(self, job_id: int) -> State | None:
        """None once the patch, and its queue rows with it, was deleted."""
        row = (
            self.database.connection()
            .execute("SELECT state, idx, failure FROM compile_jobs WHERE id = ?", (job_id,))
            .fetchone()
        )
        return row and State(row["state"], row["idx"], row["failure"])
