"""A compile worker: takes a job from the queue, compiles its upload, records the job, and keeps the
compiled tree and the C sources' archive of a successful one in the files store. The same code runs
on the server's threads (the embedded default) and in `build.py heavy-worker` processes on any
machine that shares the database and the files store; scratch folders are its own.
"""

import logging
import os
import shutil
import socket
import threading
from pathlib import Path

from server.heavy import job_files, leases, unzip
from server.heavy.compile_jobs import LEASE, Claim, CompileJobs
from server.heavy.compiler import Compiler
from server.heavy.files import Files
from server.heavy.layout import Layout
from server.heavy.rings import Rings
from server.heavy.store import Store
from server.heavy.targets import C_SOURCES, Targets

POLL = 0.5
"""Seconds an idle worker waits before it looks at the queue again, unless woken sooner."""


def worker_name(number: int) -> str:
    """Unique among running workers, and says where one runs."""
    return f"{socket.gethostname()}:{os.getpid()}:{number}"


class QueueWorker:
    def __init__(
        self,
        queue: CompileJobs,
        store: Store,
        layout: Layout,
        files: Files,
        compiler: Compiler,
        targets: Targets,
        ended: Rings,
    ) -> None:
        self.queue, self.store, self.layout, self.files = queue, store, layout, files
        self.compiler, self.targets, self.ended = compiler, targets, ended

    def take(self, name: str, only: int | None = None) -> bool:
        """Runs one queued job (or job `only`) to its end; False when there was none."""
        claim = self.queue.claim(name, only)
        if claim is None:
            return False
        try:
            with leases.renewed(lambda: self.queue.renew(claim), LEASE / 3):
                self._run(claim)
        finally:
            self.ended.ring()
        return True

    def _run(self, claim: Claim) -> None:
        try:
            upload = self.files.get(claim.upload)
        except FileNotFoundError:
            self.queue.fail(claim, "The upload is gone from the files folder.")
            return
        work = self.layout.scratch()
        try:
            self._compile(claim, upload, work / "tree")
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def _compile(self, claim: Claim, upload: bytes, tree: Path) -> None:
        """Keeps the tree of a successful compile in the store as the job is recorded, then builds
        its C sources from the tree while it is still at hand."""
        (tree / "patch").mkdir(parents=True)
        unzip.unpack(upload, tree / "patch")
        outcome = self.compiler.compile(tree / "patch", tree / "hvcc", claim.patch)
        packed = None if outcome.errors else job_files.pack_tree(tree)

        def keep(job_id: int) -> None:
            if packed is not None:
                self.files.put_file(job_files.tree_key(job_id), packed)

        job_id = self.queue.finish(claim, outcome, keep)
        if job_id is None:
            return
        self.files.delete(claim.upload)
        patch = self.store.patch(claim.owner, claim.patch)
        job = patch and self.store.job(patch, claim.index)
        if job and job.succeeded:
            self.targets.archive(job, C_SOURCES, tree)


class WorkerPool:
    """`count` threads taking jobs until `stop` is set; `wake` has them look at once."""

    def __init__(self, worker: QueueWorker, count: int, stop: threading.Event) -> None:
        self.worker, self.stop = worker, stop
        self.wake = threading.Event()
        self._threads = [
            threading.Thread(target=self._loop, args=(worker_name(n),), name=f"heavy-worker-{n}", daemon=True)
            for n in range(count)
        ]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def _loop(self, name: str) -> None:
        while not self.stop.is_set():
            try:
                took = self.worker.take(name)
            except Exception:
                if self.stop.is_set():
                    return
                logging.getLogger(__name__).exception("compile worker %s failed on a job", name)
                took = False
            if not took:
                self.wake.wait(POLL)
                self.wake.clear()

    def join(self) -> None:
        """Waits for the threads `start` started (none, when it was never called)."""
        for thread in self._threads:
            if thread.ident is not None:
                thread.join()
