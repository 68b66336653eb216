"""The service's parts, wired once per data folder and shared by the routes, CLI, banner and
standalone compile workers."""

import os
import socket
import threading
from dataclasses import dataclass
from pathlib import Path

from server.clock import Clock
from server.database import engine_for
from server.heavy import secret
from server.heavy.compile_jobs import CompileJobs
from server.heavy.compile_queue import CompileQueue
from server.heavy.compiler import Compiler
from server.heavy.files import LocalFiles
from server.heavy.jobs import Jobs
from server.heavy.layout import Layout
from server.heavy.machine_slots import MachineSlots
from server.heavy.queue_worker import QueueWorker, WorkerPool
from server.heavy.rate_limits import CompileQuota
from server.heavy.store import Store
from server.heavy.targets import Targets
from server.heavy.workers import Workers
from server.private_files import service_folder
from server.settings import Settings
from server.shared_counts import rate_limiter

WAITING_PER_SLOT = 32
"""Compiles that may wait for each slot before more are refused as busy."""


@dataclass(frozen=True)
class Service:
    layout: Layout
    store: Store
    key: bytes
    jobs: Jobs
    targets: Targets
    clock: Clock
    compiles: CompileQueue
    workers: Workers
    pool: WorkerPool
    stopping: threading.Event

    def close(self) -> None:
        """When the server stops: stops the tools running and the compile workers, drops the
        compiles waiting, and clears their scratch folders."""
        self.stopping.set()
        self.workers.stop()
        self.pool.join()
        self.compiles.close()
        self.layout.clear_scratch()


@dataclass(frozen=True)
class Parts:
    """What a compile worker needs, in the server or in a process of its own."""

    layout: Layout
    store: Store
    queue: CompileJobs
    workers: Workers
    targets: Targets
    worker: QueueWorker


def open_parts(data_dir: Path, database_url: str, busy_timeout: float, clock: Clock) -> Parts:
    layout = Layout(service_folder(data_dir, "heavy"))
    layout.create()
    store = Store(engine_for(database_url, "heavy", busy_timeout), clock)
    queue = CompileJobs(store, clock)
    cpus = os.cpu_count() or 1
    workers = Workers(cpus, MachineSlots(layout.root / "slots" / socket.gethostname(), cpus))
    compiler = Compiler(workers)
    targets = Targets(store, layout, compiler, workers)
    files = LocalFiles(layout.root)
    worker = QueueWorker(queue, store, layout, files, compiler, targets, threading.Condition())
    return Parts(layout, store, queue, workers, targets, worker)


def share(total: int, processes: int) -> int:
    """What each of the server's `processes` takes of `total` (compile workers, room in the queue),
    rounded up so that none is left with nothing. Tools are bounded per machine (`MachineSlots`)."""
    return -(-total // processes)


def open_service(settings: Settings) -> Service:
    parts = open_parts(settings.data_dir, settings.database_url, settings.busy_timeout, settings.clock)
    slots = os.cpu_count() or 1
    quota = None
    if settings.rate_limits:
        quota = CompileQuota(settings.compile_quota, rate_limiter(settings, "heavy"))
    stopping = threading.Event()
    count = slots if settings.compile_workers is None else settings.compile_workers
    pool = WorkerPool(parts.worker, share(count, settings.workers), stopping)
    jobs = Jobs(
        parts.store,
        parts.queue,
        parts.worker.files,
        parts.layout,
        parts.worker,
        quota,
        settings.clock,
        stopping,
        pool.wake,
    )
    return Service(
        parts.layout,
        parts.store,
        secret.load_or_create(parts.layout.secret),
        jobs,
        parts.targets,
        settings.clock,
        CompileQueue(slots, share(WAITING_PER_SLOT * slots, settings.workers)),
        parts.workers,
        pool,
        stopping,
    )
