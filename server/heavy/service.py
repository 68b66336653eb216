"""The service's parts, wired once per data folder and shared by the routes, CLI and banner."""

import os
from dataclasses import dataclass

from server.clock import Clock
from server.database import engine_for
from server.heavy import secret
from server.heavy.compile_queue import CompileQueue
from server.heavy.compiler import Compiler
from server.heavy.jobs import Jobs
from server.heavy.layout import Layout
from server.heavy.rate_limits import CompileQuota
from server.heavy.store import Store
from server.heavy.targets import Targets
from server.heavy.workers import Workers
from server.private_files import service_folder
from server.ratelimit import RateLimiter
from server.settings import Settings

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

    def close(self) -> None:
        """When the server stops: stops the tools running, drops the compiles waiting, and clears
        their scratch folders."""
        self.workers.stop()
        self.compiles.close()
        self.layout.clear_scratch()


def open_service(settings: Settings) -> Service:
    layout = Layout(service_folder(settings.data_dir, "heavy"))
    layout.create()
    store = Store(engine_for(settings.database_url, "heavy", settings.busy_timeout), settings.clock)
    slots = os.cpu_count() or 1
    workers = Workers(slots)
    compiler = Compiler(workers)
    targets = Targets(store, layout, compiler, workers)
    quota = (
        CompileQuota(settings.compile_quota, RateLimiter(settings.clock)) if settings.rate_limits else None
    )
    return Service(
        layout,
        store,
        secret.load_or_create(layout.secret),
        Jobs(store, layout, compiler, targets, quota, settings.clock),
        targets,
        settings.clock,
        CompileQueue(slots, WAITING_PER_SLOT * slots),
        workers,
    )
