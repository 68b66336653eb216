"""Submitting a patch version: check the release and the upload, queue the compile, and answer the
job once a worker has recorded it. Deleting a patch with everything its jobs keep.

A compile that fails is still a job (with errors), like Enzien's; an upload that cannot be
compiled at all (bad zip, unknown release) is refused before a job number is spent on it.
"""

import secrets
import shutil
import threading

from server.clock import Clock
from server.heavy import job_files, messages, releases, unzip
from server.heavy.compile_jobs import CompileJobs
from server.heavy.files import Files
from server.heavy.layout import Layout
from server.heavy.queue_worker import POLL, QueueWorker, worker_name
from server.heavy.rate_limits import CompileQuota
from server.heavy.records import Job, Patch, User
from server.heavy.responses import Refusal
from server.heavy.store import Store
from server.heavy.targets import C_SOURCES
from server.heavy.timestamps import iso
from server.heavy.workers import Stopped


class Jobs:
    """Releases are chosen, and jobs dated, by `clock`; a submit waits for the job on `ended`
    (rings.py: rung by this process's workers, and on PostgreSQL by workers elsewhere through the
    database's notifications, queue_signals.py) or every `POLL` seconds, until `stopping` is
    set; it sets `queued` so this process's idle workers look at once."""

    def __init__(
        self,
        store: Store,
        queue: CompileJobs,
        files: Files,
        layout: Layout,
        worker: QueueWorker,
        quota: CompileQuota | None,
        clock: Clock,
        stopping: threading.Event,
        queued: threading.Event,
    ) -> None:
        self.store, self.queue, self.files, self.layout, self.worker = store, queue, files, layout, worker
        self.quota, self.clock, self.stopping, self.queued = quota, clock, stopping, queued

    def submit(self, patch: Patch, submitter: User, upload: bytes, release: str | None) -> Job:
        """Raises `ReleaseRefused`, `UnsafeUpload` or `RateLimited` for requests it refuses."""
        ticket = self._enqueue(patch, submitter, upload, release)
        self.queued.set()
        return self._wait(patch, ticket)

    def submit_here(self, patch: Patch, submitter: User, upload: bytes, release: str | None) -> Job:
        """Compiled on the calling thread, whether or not workers run (the demo's jobs, at start)."""
        ticket = self._enqueue(patch, submitter, upload, release)
        self.worker.take(worker_name(0), only=ticket)
        return self._wait(patch, ticket)

    def delete(self, patch: Patch) -> None:
        """The patch's rows, then its jobs' files and the uploads of compiles it still had queued."""
        removed = self.store.delete_patch(patch)
        for job_id in removed.job_ids:
            job_files.forget(self.files, job_id)
        for upload in removed.uploads:
            self.files.delete(upload)

    def _enqueue(self, patch: Patch, submitter: User, upload: bytes, release: str | None) -> int:
        now = self.clock.utcnow()
        chosen = releases.choose(release, now.date())
        if self.quota is not None:
            self.quota.take(submitter.name)
        work = self.layout.scratch()
        try:
            unzip.unpack(upload, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        key = f"uploads/{secrets.token_hex(16)}"
        self.files.put(key, upload)
        substituted = releases.substitution(release, chosen)
        notes = [messages.note("release", substituted)] if substituted else []
        return self.queue.enqueue(
            patch, submitter, release=chosen.name, submitted_at=iso(now), upload=key, notes=notes
        )

    def _with_c_sources(self, patch: Patch, index: int) -> Job:
        """The recorded job, its C sources archived: the answer lists their size, as Enzien's did.
        The worker archives them right after recording the job; a submit that sees the job first
        archives them itself (the archive is written whole, whoever finishes first)."""
        job = self.store.job(patch, index)
        assert job is not None
        if not job.succeeded or C_SOURCES in self.store.targets(job):
            return job
        self.worker.targets.archive(job, C_SOURCES)
        recorded = self.store.job(patch, index)
        assert recorded is not None
        return recorded

    def _wait(self, patch: Patch, ticket: int) -> Job:
        ended = self.worker.ended
        while not self.stopping.is_set():
            seen = ended.count()
            state = self.queue.state(ticket)
            if state is None:
                raise Refusal(404, f"Patch {patch.key} was deleted before its job was compiled.")
            if state.state == "done":
                return self._with_c_sources(patch, state.index)
            if state.state == "failed":
                raise Refusal(500, f"Job {patch.key}/{state.index} could not be compiled: {state.failure}")
            if state.state == "running":
                self.queue.expire()
            ended.wait_past(seen, POLL)
        raise Stopped("the server stopped before the job was compiled")
