"""Compile throughput of `heavy-worker` processes on PostgreSQL: a batch of compiles submitted at once
through heavy's HTTP API, compiled by one and by two worker processes, in one run.

    .venv/bin/python tests/bench/compile_throughput_bench.py [--quick] [--compiles 20 --rounds 3]

A `serve --compile-workers 0` on a database of a throwaway PostgreSQL server (buildkit/postgres.py)
takes the compiles and leaves them to `build.py heavy-worker --workers 1` processes, started for
each batch on the same database and data folder, as workers on other machines would be. A batch is
`--compiles` patches of one heavy user (test mode: no compile quota), each sent the demo arpeggio
patch once, all at once; rounds alternate one and two worker processes so drift hits both alike.

Prints for each number of worker processes: the batch's wall time, compiles per second, each
submit's latency, hvcc's own time; from the queue table, watched every 20 ms, how long a compile
waited for a worker and was a worker's, the share of the workers' time they held one, and the most
compiles queued or running at once; the CPU a compile cost the workers (hvcc's processes included),
the server and PostgreSQL; whether the batches were CPU-bound (from /proc); and the ratio of two
workers' throughput to one's. Not collected by pytest.
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from cpu_time import CORES, Usage, measured  # noqa: E402
from heavy_bench import PATCH, USER, post  # noqa: E402
from http_load import percentile  # noqa: E402

from app.api.transport import UploadFile  # noqa: E402
from app.patches.bundle import build_bundle  # noqa: E402
from buildkit.postgres import binaries, postgres_server  # noqa: E402
from buildkit.serving import serving_process  # noqa: E402

WORKER_COUNTS = (1, 2)
PENDING = "SELECT id, state FROM heavy.compile_jobs WHERE state IN ('queued', 'running')"
WATCH_EVERY = 0.02


@dataclass
class Batches:
    """What the batches of one number of worker processes measured."""

    walls: list[float] = field(default_factory=list)
    submits: list[float] = field(default_factory=list)
    compile_times: list[float] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    in_flight: int = 0
    """The most compiles queued or running at once."""
    queued_for: list[float] = field(default_factory=list)
    """Seconds each compile waited in the queue for a worker."""
    claimed_for: list[float] = field(default_factory=list)
    """Seconds each compile was a worker's, from its claim to its job recorded."""

    @property
    def throughput(self) -> float:
        return len(self.submits) / self.usage.wall

    def busy(self, workers: int) -> float:
        """The share of the workers' time they held a compile."""
        return sum(self.claimed_for) / (self.usage.wall * workers)


@contextmanager
def heavy_workers(count: int, database: str, data: Path, *options: str) -> Iterator[list[int]]:
    """`count` worker processes of one compile each, once each has said it is taking jobs; they
    share the server's files folder and keep their scratch in a data folder of their own."""
    command = [sys.executable, str(ROOT / "build.py"), "heavy-worker", "--database", database]
    command += ["--files", str(data / "heavy"), "--data", str(data.with_name(data.name + "-workers"))]
    command += ["--workers", "1", *options]
    procs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True) for _ in range(count)]
    try:
        for proc in procs:
            assert proc.stdout is not None
            if not any(line.startswith("heavy-worker:") for line in proc.stdout):
                raise RuntimeError(f"heavy-worker exited with {proc.wait()}")
        yield [proc.pid for proc in procs]
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=60)


@contextmanager
def queue_watched(database: str, batches: Batches) -> Iterator[None]:
    """Follows the queue while the block runs, every `WATCH_EVERY` seconds: how many compiles were
    in it at most, and how long each waited and was claimed, into `batches`."""
    stop = threading.Event()
    seen: dict[tuple[int, str], float] = {}
    gone: dict[int, float] = {}

    def look(db: psycopg.Connection) -> None:
        now, pending = time.perf_counter(), db.execute(PENDING).fetchall()
        batches.in_flight = max(batches.in_flight, len(pending))
        for job, state in pending:
            seen.setdefault((job, state), now)
        for job in {job for job, _ in seen} - {job for job, _ in pending}:
            gone.setdefault(job, now)

    def watch() -> None:
        with psycopg.connect(database, autocommit=True) as db:
            while not stop.wait(WATCH_EVERY):
                look(db)
            look(db)
        for job, done in gone.items():
            claimed = seen.get((job, "running"), done)
            batches.queued_for.append(claimed - seen.get((job, "queued"), claimed))
            batches.claimed_for.append(done - claimed)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        yield
    finally:
        stop.set()
        watcher.join()


def submit_all(heavy: str, token: str, patches: list[str], batches: Batches) -> None:
    """Each patch sent once, all at once; every compile must succeed."""
    archive = build_bundle({"_main.pd": PATCH}).archive
    upload = (UploadFile("file", "archive.zip", archive, "application/zip"),)

    def submit(patch: str) -> None:
        started = time.perf_counter()
        reply = post(f"{heavy}/a/patches/{USER}/{patch}/jobs/", token, files=upload)
        batches.submits.append(time.perf_counter() - started)
        attributes = reply["data"]["attributes"]
        assert attributes["status"] == "succeeded", attributes["errors"]
        batches.compile_times.append(attributes["compileTime"])

    with ThreadPoolExecutor(len(patches)) as pool:
        list(pool.map(submit, patches))


def report(results: dict[int, Batches], compiles: int) -> None:
    print(f"\nbatches of {compiles} compiles submitted at once; {CORES} cores")
    print(
        f"{'workers':>7} {'batches':>7} {'wall s':>7} {'compiles/s':>10} {'submit p50/max s':>16}"
        f" {'hvcc s':>6} {'queued s':>8} {'claimed s':>9} {'busy':>5} {'in flight':>9}  CPU s/compile"
    )
    for count, batches in results.items():
        cpu = {**batches.usage.groups, "client": batches.usage.client}
        per_compile = "  ".join(f"{name} {spent / len(batches.submits):.2f}" for name, spent in cpu.items())
        print(
            f"{count:7} {len(batches.walls):7} {statistics.median(batches.walls):7.1f} "
            f"{batches.throughput:10.2f} "
            f"{percentile(batches.submits, 0.5) / 1000:7.1f} / {max(batches.submits):6.1f} "
            f"{statistics.median(batches.compile_times):6.2f} {statistics.mean(batches.queued_for):8.2f} "
            f"{statistics.mean(batches.claimed_for):9.2f} {batches.busy(count):5.0%} "
            f"{batches.in_flight:9}  {per_compile}"
        )
    for count, batches in results.items():
        print(f"{count} worker process(es): {batches.usage.verdict()}")
    one, two = results[1], results[2]
    print(f"throughput, 2 worker processes / 1: {two.throughput / one.throughput:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compiles", type=int, default=20, help="in each batch, submitted at once")
    parser.add_argument("--rounds", type=int, default=3, help="batches for each number of workers")
    parser.add_argument("--quick", action="store_true", help="one batch of 4 each way")
    args = parser.parse_args()
    if args.quick:
        args.compiles, args.rounds = 4, 1
    bin_folder = binaries()
    if bin_folder is None:
        sys.exit("PostgreSQL is not installed (no initdb; Debian: apt-get install postgresql)")
    results = {count: Batches() for count in WORKER_COUNTS}
    with tempfile.TemporaryDirectory() as tmp, postgres_server(bin_folder) as postgres:
        data, database = Path(tmp), postgres.create_database("heavy_bench")
        options = ("--database", database, "--test-mode", "--no-rate-limits", "--compile-workers", "0")
        with serving_process(data, *options) as server:
            heavy = f"{server.base}/heavy"
            token = post(f"{heavy}/test/tokens", fields=(("name", USER),))["data"]["attributes"]["token"]
            patches = [f"bench{n}" for n in range(args.compiles)]
            for patch in patches:
                fields = (("owner_name", USER), ("name", patch), ("public", "true"))
                post(f"{heavy}/a/patches/", token, fields)
            with heavy_workers(1, database, data):
                submit_all(heavy, token, patches[:2], Batches())
            for number in range(args.rounds):
                for count, batches in results.items():
                    print(f"round {number + 1} of {args.rounds}: {count} worker process(es)", flush=True)
                    with heavy_workers(count, database, data) as workers:
                        groups = {"workers": workers, "server": [server.pid], "postgres": [postgres.pid]}
                        with queue_watched(database, batches), measured(groups, batches.usage) as usage:
                            wall = usage.wall
                            submit_all(heavy, token, patches, batches)
                        batches.walls.append(usage.wall - wall)
    report(results, args.compiles)


if __name__ == "__main__":
    main()
