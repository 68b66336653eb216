"""Submitting a patch version: check the release and the upload, compile, record the job.

A compile that fails is still a job (with errors), like Enzien's; an upload that cannot be
compiled at all (bad zip, unknown release) is refused before a job number is spent on it.
"""

import shutil

from server.clock import Clock
from server.heavy import releases, unzip
from server.heavy.compiler import Compiler
from server.heavy.layout import Layout
from server.heavy.rate_limits import CompileQuota
from server.heavy.records import Job, Patch, User
from server.heavy.store import Store
from server.heavy.targets import C_SOURCES, Targets
from server.heavy.timestamps import iso


class Jobs:
    """Releases are chosen, and jobs dated, by `clock`."""

    def __init__(
        self,
        store: Store,
        layout: Layout,
        compiler: Compiler,
        targets: Targets,
        quota: CompileQuota | None,
        clock: Clock,
    ) -> None:
        self.store, self.layout, self.compiler, self.targets = store, layout, compiler, targets
        self.quota, self.clock = quota, clock

    def submit(self, patch: Patch, submitter: User, upload: bytes, release: str | None) -> Job:
        """Raises `ReleaseRefused`, `UnsafeUpload` or `RateLimited` for requests it refuses."""
        now = self.clock.utcnow()
        chosen = releases.choose(release, now.date())
        if self.quota is not None:
            self.quota.take(submitter.name)
        submitted_at = iso(now)
        work = self.layout.scratch()
        try:
            (work / "patch").mkdir()
            unzip.unpack(upload, work / "patch")
            outcome = self.compiler.compile(work / "patch", work / "hvcc", patch.name)
            job = self.store.add_job(
                patch,
                submitter,
                release=chosen.name,
                submitted_at=submitted_at,
                compile_time=outcome.compile_time,
                warnings=outcome.warnings,
                errors=outcome.errors,
                place_files=lambda job_id: work.rename(self.layout.job(job_id)),
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
        if job.succeeded:
            self.targets.archive(job, C_SOURCES)
        return job
