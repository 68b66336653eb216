"""A target nobody has built yet, asked for at once through two app machines that share the
database and the files store, is built once: one machine builds it, the other waits for its
archive. A claim whose builder died runs out, and the next download builds. On each engine."""

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from server.clock import Clock
from server.database import sqlite_url
from server.heavy import demo_world
from server.heavy.records import Job
from server.heavy.service import Service, open_service
from server.heavy.target_builds import LEASE, TargetBuilds
from server.settings import Settings

TARGET = "dpf/src"


@pytest.fixture
def machines(tmp_path: Path, new_database: Callable[[], str | None]) -> Iterator[list[Service]]:
    """Two app machines on one clock: data folders of their own, the database and files shared."""
    database = new_database() or sqlite_url(tmp_path / "shared")
    clock = Clock()
    services = [
        open_service(
            Settings(data_dir=tmp_path / name, database=database, heavy_files=tmp_path / "files", clock=clock)
        )
        for name in ("first", "second")
    ]
    demo_world.ensure(services[0])
    yield services
    for service in services:
        service.close()


def sine_job(service: Service) -> Job:
    patch = service.store.patch(demo_world.USER, "sine")
    assert patch is not None
    job = service.store.job(patch, None)
    assert job is not None and job.succeeded
    return job


def counting_builds(service: Service) -> list[str]:
    """The targets `service` builds, as it builds them."""
    built: list[str] = []
    build = service.targets._build

    def counted(job: Job, path: str, *args: object) -> object:
        built.append(path)
        return build(job, path, *args)

    service.targets._build = counted  # type: ignore[method-assign]
    return built


def test_two_machines_asked_at_once_build_a_target_once(machines: list[Service]) -> None:
    builds = [counting_builds(service) for service in machines]
    job = sine_job(machines[0])
    keys: list[str] = []
    together = threading.Barrier(len(machines))

    def download(service: Service) -> None:
        together.wait()
        keys.append(service.targets.archive(job, TARGET))

    threads = [threading.Thread(target=download, args=(service,)) for service in machines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(keys) == 2 and keys[0] == keys[1]
    assert sorted(len(built) for built in builds) == [0, 1], builds
    assert machines[1].files.exists(keys[0])


def test_the_claim_of_a_builder_that_died_runs_out(machines: list[Service]) -> None:
    first, second = machines
    builds = counting_builds(second)
    job = sine_job(first)
    dead = TargetBuilds(first.store, first.clock)
    assert dead.claim(job.id, TARGET)
    assert not TargetBuilds(second.store, second.clock).claim(job.id, TARGET), "the claim holds"

    downloaded: list[str] = []
    waiting = threading.Thread(target=lambda: downloaded.append(second.targets.archive(job, TARGET)))
    waiting.start()
    waiting.join(timeout=2)
    assert waiting.is_alive() and not builds, "waits while the claim holds"
    first.clock.advance(LEASE + 1)
    waiting.join(timeout=60)
    assert downloaded and builds == [TARGET]
    assert second.files.exists(downloaded[0])
