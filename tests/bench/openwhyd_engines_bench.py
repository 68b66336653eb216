"""Openwhyd on SQLite in one process against PostgreSQL in one and in two processes, under the same
concurrent clients, in one run: what PostgreSQL costs a request, and what a second process gives.

    .venv/bin/python tests/bench/openwhyd_engines_bench.py [--quick] [--rounds 3 --requests 4000]

It writes openwhyd_bench.py's world, smaller by default (1,000 users, 30,000 posts, a 3,000-track
playlist), seeds it
into a `serve` on SQLite and into one on a PostgreSQL database of a throwaway server
(buildkit/postgres.py), then starts a second `serve` on that database and data folder once the
first has loaded the world. Two processes on two ports sharing one database, the clients spread
over them in turn, is the deployment of N app servers behind a reverse proxy (`serve --workers N`,
several processes on one port, is the same on one machine). Each process keeps visitors' reads
only until its own next write; a read cache invalidated across processes is being added
separately. The servers run no compile workers, whose idle polling of the queue would be noise.

Each round runs, for each configuration in turn so drift hits all alike, openwhyd_bench.py's
spread reads (profiles, playlist pages and /hot pages across the world), signed out, each URL
made unique to the round so that no answer comes from a process's read cache, and its mixed round
(a quarter of the requests signed-in writes) at `--clients` clients. It prints p50/p99 and
throughput per configuration and their ratios to SQLite in one process; the CPU a request cost the
app processes, PostgreSQL and the load generator (which shares the machine's cores with them); and
whether the rounds were CPU-bound, from /proc. Not collected by pytest.
"""

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Coroutine
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from cpu_time import Usage, measured  # noqa: E402
from http_load import percentile  # noqa: E402
from openwhyd_bench import load, mixed, playlist_ids, session_cookie, spread_pages, write_world  # noqa: E402

from buildkit.postgres import binaries, postgres_server  # noqa: E402
from buildkit.serving import Served, serving_process  # noqa: E402

SERVE = ("--no-rate-limits", "--compile-workers", "0")
SEEDING = 900
"""Seconds a server may take to load the world before it answers."""
KINDS = ("reads", "mixed")


@dataclass
class Setup:
    """One configuration: its app processes, the PostgreSQL server's postmaster if any, and what
    its rounds measured."""

    name: str
    servers: list[Served]
    postgres: list[int]
    latencies: dict[str, list[float]] = field(default_factory=lambda: {kind: [] for kind in KINDS})
    usage: dict[str, Usage] = field(default_factory=lambda: {kind: Usage() for kind in KINDS})

    @property
    def ports(self) -> list[int]:
        return [server.port for server in self.servers]

    @property
    def groups(self) -> dict[str, list[int]]:
        app = {"app": [server.pid for server in self.servers]}
        return {**app, "postgres": self.postgres} if self.postgres else app

    def measure(self, kind: str, round_: Coroutine[None, None, dict[str, list[float]]]) -> None:
        with measured(self.groups, self.usage[kind], one_core=("app",)):
            timings = asyncio.run(round_)
        self.latencies[kind] += [value for values in timings.values() for value in values]

    def throughput(self, kind: str) -> float:
        return len(self.latencies[kind]) / self.usage[kind].wall

    def cpu_per_request(self, kind: str) -> dict[str, float]:
        """Microseconds of CPU per request, by group and for the client."""
        usage, count = self.usage[kind], len(self.latencies[kind])
        spent = {**usage.groups, "client": usage.client}
        return {name: seconds / count * 1e6 for name, seconds in spent.items()}


def uncached(pages: dict[str, list[str]], tag: str) -> dict[str, list[str]]:
    """The pages, each URL made unique to the round by a parameter the service ignores: a visitor's
    read is kept by its process until the next write, and the reads round writes nothing."""
    return {name: [f"{url}&round={tag}.{n}" for n, url in enumerate(urls)] for name, urls in pages.items()}


def rounds(setups: list[Setup], args: argparse.Namespace) -> None:
    per_client = max(1, args.requests // args.clients)
    prepared = []
    for setup in setups:
        bases = [f"{server.base}/openwhyd" for server in setup.servers]
        exported = playlist_ids(bases[0])
        pages = spread_pages(args.users, exported, args.requests)
        cookies = [session_cookie(bases[n % len(bases)]) for n in range(args.clients)]
        asyncio.run(load(setup.ports, uncached(pages, "warm-up"), args.clients, 3))
        prepared.append((setup, pages, cookies, exported))
    for number in range(args.rounds):
        print(f"round {number + 1} of {args.rounds}", flush=True)
        for setup, pages, cookies, exported in prepared:
            setup.measure("reads", load(setup.ports, uncached(pages, str(number)), args.clients, per_client))
            setup.measure("mixed", mixed(setup.ports, pages, cookies, exported, per_client))


def report(setups: list[Setup], clients: int) -> None:
    base = setups[0]
    print(f"\n{clients} concurrent clients; ratios against {base.name} measured in the same run")
    print(
        f"{'kind':6} {'configuration':24} {'requests':>8} {'p50 ms':>7} {'p99 ms':>7} {'req/s':>7}"
        f" {'p50 x':>6} {'p99 x':>6} {'req/s x':>7}  CPU µs/request"
    )
    for kind in KINDS:
        for setup in setups:
            values, reference = setup.latencies[kind], base.latencies[kind]
            p50, p99 = percentile(values, 0.5), percentile(values, 0.99)
            cpu = "  ".join(f"{name} {micro:.0f}" for name, micro in setup.cpu_per_request(kind).items())
            print(
                f"{kind:6} {setup.name:24} {len(values):8} {p50:7.1f} {p99:7.1f} "
                f"{setup.throughput(kind):7.0f} {p50 / percentile(reference, 0.5):6.2f} "
                f"{p99 / percentile(reference, 0.99):6.2f} "
                f"{setup.throughput(kind) / base.throughput(kind):7.2f}  {cpu}"
            )
    print()
    for kind in KINDS:
        for setup in setups:
            print(f"{kind:6} {setup.name:24} {setup.usage[kind].verdict()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--posts", type=int, default=30_000)
    parser.add_argument("--playlist", type=int, default=3_000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--requests", type=int, default=4000, help="per round, configuration and kind")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="a small world and one short round")
    args = parser.parse_args()
    if args.quick:
        args.users, args.posts, args.playlist, args.requests, args.rounds = 200, 5000, 1000, 640, 1
    bin_folder = binaries()
    if bin_folder is None:
        sys.exit("PostgreSQL is not installed (no initdb; Debian: apt-get install postgresql)")
    with tempfile.TemporaryDirectory() as tmp, postgres_server(bin_folder) as postgres, ExitStack() as stack:
        seed = Path(tmp, "seed")
        write_world(seed, args.users, args.posts, args.playlist)
        database = postgres.create_database("openwhyd_bench")

        def start(data: str, *options: str) -> Served:
            started = time.perf_counter()
            served = stack.enter_context(
                serving_process(Path(tmp, data), "--seed", str(seed), *SERVE, *options, timeout=SEEDING)
            )
            print(f"serving on {data} in {time.perf_counter() - started:.1f} s", flush=True)
            return served

        sqlite = start("sqlite")
        first = start("postgresql", "--database", database)
        second = start("postgresql", "--database", database)
        setups = [
            Setup("SQLite, 1 process", [sqlite], []),
            Setup("PostgreSQL, 1 process", [first], [postgres.pid]),
            Setup("PostgreSQL, 2 processes", [first, second], [postgres.pid]),
        ]
        rounds(setups, args)
    report(setups, args.clients)


if __name__ == "__main__":
    main()
