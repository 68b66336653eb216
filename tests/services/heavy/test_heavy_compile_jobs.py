"""The queue's rules, on the store alone: a lost claim's result is dropped, the job keeps its number
through every claim and is recorded once, and a job whose workers keep dying stops being handed out."""

from pathlib import Path

from server.clock import Clock
from server.database import SqliteEngine
from server.heavy.compile_jobs import ATTEMPTS, LEASE, CompileJobs
from server.heavy.compiler import Outcome
from server.heavy.store import Store

DONE = Outcome(warnings=[], errors=[], compile_time=0.5)


def queue_with_a_job(tmp_path: Path) -> tuple[CompileJobs, Store, Clock, int]:
    clock = Clock()
    store = Store(SqliteEngine(tmp_path / "heavy.sqlite3", busy_timeout=30), clock)
    ann = store.ensure_user("ann")
    patch = store.create_patch(ann, ann, "p", description="", tags=[], public=True)
    assert patch is not None
    queue = CompileJobs(store, clock)
    ticket = queue.enqueue(patch, ann, release="dev", submitted_at="2026-01-01T00:00:00.000000", upload="u/1")
    return queue, store, clock, ticket


def test_a_stale_claim_is_dropped_and_the_job_is_recorded_once_under_its_number(tmp_path: Path) -> None:
    queue, store, clock, ticket = queue_with_a_job(tmp_path)
    first = queue.claim("a")
    assert first is not None and first.id == ticket and first.index == 1
    assert queue.claim("b") is None, "a running job is not handed out twice"
    clock.advance(LEASE + 1)
    second = queue.claim("b")
    assert second is not None and second.id == ticket and second.index == 1
    assert queue.renew(first) is False
    assert queue.finish(first, DONE, lambda _: None) is None, "the stale worker's result is dropped"
    assert queue.finish(second, DONE, lambda _: None) is not None
    assert queue.finish(second, DONE, lambda _: None) is None, "a job is recorded once"
    patch = store.patch("ann", "p")
    assert patch is not None and [job.index for job in store.jobs(patch)] == [1]
    state = queue.state(ticket)
    assert state is not None and state.state == "done"


def test_a_job_whose_workers_keep_dying_fails_after_its_attempts(tmp_path: Path) -> None:
    queue, _, clock, ticket = queue_with_a_job(tmp_path)
    for _ in range(ATTEMPTS):
        assert queue.claim("w") is not None
        clock.advance(LEASE + 1)
    assert queue.claim("w") is None
    state = queue.state(ticket)
    assert state is not None and state.state == "failed" and f"{ATTEMPTS} times" in (state.failure or "")
