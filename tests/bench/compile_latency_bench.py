"""How long one small compile takes from submit to answer when the server leaves it to a
`heavy-worker` process on PostgreSQL: with the processes woken by the database's notifications
(server/heavy/queue_signals.py), and with them looking every half second only
(`--no-queue-signals`), in one run; and, for the floor, with the server's own compile worker.

    .venv/bin/python tests/bench/compile_latency_bench.py [--quick] [--compiles 30]

Each way has its own database of one throwaway PostgreSQL server and its own server, `serve
--compile-workers 0` with a `heavy-worker --workers 1` or `serve --compile-workers 1`, all started
first; then the demo arpeggio patch is submitted `--compiles` times to each, one compile at a time,
taking turns, so drift hits all alike. Prints per way the median and quartiles of the submit's
latency, of hvcc's own time, and of the rest (latency minus hvcc's time: the queue's wake-ups, the
server's and the worker's own work). Not collected by pytest.
"""

import argparse
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from compile_throughput_bench import heavy_workers  # noqa: E402
from heavy_bench import PATCH, USER, post  # noqa: E402

from app.api.transport import UploadFile  # noqa: E402
from app.patches.bundle import build_bundle  # noqa: E402
from buildkit.postgres import binaries, postgres_server  # noqa: E402
from buildkit.serving import serving_process  # noqa: E402

WAYS: dict[str, tuple[tuple[str, ...], tuple[str, ...] | None]] = {
    "notified": (("--compile-workers", "0"), ()),
    "polling": (("--compile-workers", "0", "--no-queue-signals"), ("--no-queue-signals",)),
    "embedded": (("--compile-workers", "1"), None),
}
"""Each way's `serve` options, and its `heavy-worker`'s (None: none runs)."""


@dataclass
class Way:
    heavy: str = ""
    token: str = ""
    latencies: list[float] = field(default_factory=list)
    compile_times: list[float] = field(default_factory=list)

    @property
    def rest(self) -> list[float]:
        return [latency - hvcc for latency, hvcc in zip(self.latencies, self.compile_times, strict=True)]


def submit(way: Way, patch: str, upload: tuple[UploadFile, ...]) -> None:
    started = time.perf_counter()
    reply = post(f"{way.heavy}/a/patches/{USER}/{patch}/jobs/", way.token, files=upload)
    way.latencies.append(time.perf_counter() - started)
    attributes = reply["data"]["attributes"]
    assert attributes["status"] == "succeeded", attributes["errors"]
    way.compile_times.append(attributes["compileTime"])


def spread(seconds: list[float]) -> str:
    low, median, high = statistics.quantiles(seconds, n=4)
    return f"{median * 1000:7.0f} ({low * 1000:.0f}-{high * 1000:.0f})"


def report(ways: dict[str, Way]) -> None:
    print(
        f"\n{'':9} {'compiles':>8} {'latency ms':>18} {'hvcc ms':>18} {'rest ms':>18}   (median, quartiles)"
    )
    for name, way in ways.items():
        print(
            f"{name:9} {len(way.latencies):8} {spread(way.latencies):>18} {spread(way.compile_times):>18}"
            f" {spread(way.rest):>18}"
        )
    notified, polling = (statistics.median(ways[name].rest) for name in ("notified", "polling"))
    print(f"median rest, polling - notified: {(polling - notified) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compiles", type=int, default=30, help="submitted to each way, one at a time")
    parser.add_argument("--quick", action="store_true", help="5 compiles each way")
    args = parser.parse_args()
    if args.quick:
        args.compiles = 5
    bin_folder = binaries()
    if bin_folder is None:
        sys.exit("PostgreSQL is not installed (no initdb; Debian: apt-get install postgresql)")
    ways = {name: Way() for name in WAYS}
    upload = (
        UploadFile("file", "archive.zip", build_bundle({"_main.pd": PATCH}).archive, "application/zip"),
    )
    with (
        tempfile.TemporaryDirectory() as tmp,
        postgres_server(bin_folder) as postgres,
        ExitStack() as running,
    ):
        for name, (serve_options, worker_options) in WAYS.items():
            data, database = Path(tmp) / name, postgres.create_database(f"latency_{name}")
            served = ("--database", database, "--test-mode", "--no-rate-limits", *serve_options)
            server = running.enter_context(serving_process(data, *served))
            if worker_options is not None:
                running.enter_context(heavy_workers(1, database, data, *worker_options))
            way = ways[name]
            way.heavy = f"{server.base}/heavy"
            reply = post(f"{way.heavy}/test/tokens", fields=(("name", USER),))
            way.token = reply["data"]["attributes"]["token"]
            post(
                f"{way.heavy}/a/patches/",
                way.token,
                (("owner_name", USER), ("name", "latency"), ("public", "true")),
            )
            submit(way, "latency", upload)
            way.latencies.clear()
            way.compile_times.clear()
        for number in range(args.compiles):
            for way in ways.values():
                submit(way, "latency", upload)
            print(f"{number + 1} of {args.compiles}", end="\r", flush=True)
    report(ways)


if __name__ == "__main__":
    main()
