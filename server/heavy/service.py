"""The service's parts, wired once per data folder and shared by the routes, CLI, banner and
standalone compile workers."""

import os
import socket
import threading
from dataclasses import dataclass
from pathlib import Path

from server.clock import Clock
from server.database import engine_for
from server.heavy import old_jobs, secret
from server.heavy.compile_jobs import CompileJobs
from server.heavy.compile_queue import CompileQueue
from server.heavy.compiler import Compiler
from server.heavy.files import Files, LocalFiles
from server.heavy.jobs import Jobs
from server.heavy.layout import Layout
from server.heavy.machine_slots import MachineSlots
from server.heavy.queue_signals import QueueSignals
from server.heavy.queue_worker import QueueWorker, WorkerPool
from server.heavy.rate_limits import CompileQuota
from server.heavy.rings import Rings
from server.heavy.store import Store
from server.heavy.target_builds import TargetBuilds
from server.heavy.targets import Targets
from server.heavy.workers import Workers
from server.private_files import FOLDER_MODE, service_folder
from server.settings import Settings
from server.shared_counts import rate_limiter

ROOM_PER_SLOT = 33
"""Requests that may be in flight on the compile queue for each CPU slot (one compiling, the
others waiting for it) before more are refused as busy."""


@dataclass(frozen=True)
class Service:
    layout: Layout
    files: Files
    store: Store
    key: bytes
    jobs: Jobs
    targets: Targets
    clock: Clock
    compiles: CompileQueue
    workers: Workers
    pool: WorkerPool
    signals: QueueSignals
    stopping: threading.Event

    def start(self) -> None:
        """When the server starts: the compile workers, and what wakes them and the submits."""
        self.pool.start()
        self.signals.start()

    def close(self) -> None:
        """When the server stops: stops the tools running and the compile workers, drops the
        compiles waiting, and clears their scratch folders."""
        self.stopping.set()
        self.signals.stop()
        self.workers.stop()
        self.pool.join()
        self.compiles.close()
        self.layout.clear_scratch()


@dataclass(frozen=True)
class Parts:
    """What a compile worker needs, in the server or in a process of its own."""

    layout: Layout
    files: Files
    store: Store
    queue: CompileJobs
    workers: Workers
    targets: Targets
    worker: QueueWorker


def open_parts(
    data_dir: Path, files_dir: Path | None, database_url: str, busy_timeout: float, clock: Clock
) -> Parts:
    """`files_dir` is the files store's folder; None keeps it in the data folder's `heavy/`."""
    layout = Layout(service_folder(data_dir, "heavy"))
    layout.create()
    if files_dir is not None:
        files_dir.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    files = LocalFiles(files_dir or layout.root)
    old_jobs.move_into(files, layout.root)
    store = Store(engine_for(database_url, "heavy", busy_timeout), clock)
    queue = CompileJobs(store, clock)
    cpus = os.cpu_count() or 1
    workers = Workers(cpus, MachineSlots(layout.root / "slots" / socket.gethostname(), cpus))
    compiler = Compiler(workers)
    targets = Targets(store, layout, files, compiler, workers, TargetBuilds(store, clock))
    worker = QueueWorker(queue, store, layout, files, compiler, targets, Rings())
    return Parts(layout, files, store, queue, workers, targets, worker)


def share(total: int, processes: int) -> int:
    """What each of the server's `processes` takes of `total` (compile workers, room in the queue),
    rounded up so that none is left with nothing. Tools are bounded per machine (`MachineSlots`)."""
    return -(-total // processes)


def open_service(settings: Settings) -> Service:
    parts = open_parts(
        settings.data_dir, settings.heavy_files, settings.database_url, settings.busy_timeout, settings.clock
    )
    slots = os.cpu_count() or 1
    quota = None
    if settings.rate_limits:
        quota = CompileQuota(settings.compile_quota, rate_limiter(settings, "heavy"))
    stopping = threading.Event()
    count = slots if settings.compile_workers is None else settings.compile_workers
    pool = WorkerPool(parts.worker, share(count, settings.workers), stopping)
    signals = QueueSignals(parts.store.database.engine, pool.wake, parts.worker.ended, settings.queue_signals)
    jobs = Jobs(
        parts.store,
        parts.queue,
        parts.files,
        parts.layout,
        parts.worker,
        quota,
        settings.clock,
        stopping,
        pool.wake,
    )
    return Service(
        parts.layout,
        parts.files,
        parts.store,
        secret.load_or_create(parts.store, parts.layout.old_secret),
        jobs,
        parts.targets,
        settings.clock,
        CompileQueue(share(ROOM_PER_SLOT * slots, settings.workers)),
        parts.workers,
        pool,
        signals,
        stopping,
    )
