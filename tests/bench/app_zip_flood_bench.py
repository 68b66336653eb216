"""Other routes while clients flood `/app.zip`, which `serve` makes from the working tree.

    .venv/bin/python tests/bench/app_zip_flood_bench.py [--rounds 3 --requests 200 --clients 16]

One client reads heavy's `/heavy/a/pingdb` and a signed-out Openwhyd page (`/openwhyd/hot`) in
turn, `--requests` times each: with nothing else running, while `--clients` connections (another
process) fetch `/app.zip` over and over, and while they do the same on the cheapest route there
is (heavy's release list, made in memory), for reference; `--rounds` times, alternating, so drift
hits all alike. Prints each route's p50/p99 each way, the p99 ratio of the `/app.zip` flood to
idle (target ≤ 1.5) and to the reference flood. Not collected by pytest.
"""

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from http_load import percentile, probe, repeated, report, request  # noqa: E402

from buildkit.serving import serving  # noqa: E402

TARGET = 1.5
PROBED = {
    "heavy /a/pingdb": request("GET", "/heavy/a/pingdb"),
    "Openwhyd /hot signed out": request("GET", "/openwhyd/hot?format=json"),
}
FLOODS = {"/app.zip": request("GET", "/app.zip"), "reference": request("GET", "/heavy/a/releases")}
WARM_UP = 1.0


Timings = dict[str, list[float]]


def measured(port: int, flood: bytes | None, clients: int, requests: int) -> tuple[Timings, float]:
    """The probes' latencies, alone or during a flood of `flood`, and the flood's requests per second."""
    if flood is None:
        return asyncio.run(probe(port, PROBED, requests)), 0.0
    started = time.perf_counter()
    with repeated(port, flood, clients) as answered:
        time.sleep(WARM_UP)
        timings = asyncio.run(probe(port, PROBED, requests))
    assert set(answered) == {200}, answered
    return timings, answered[200] / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=200, help="per route, per round and way")
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    ways: dict[str, bytes | None] = {"idle": None, **FLOODS}
    timings: dict[str, Timings] = {way: {name: [] for name in PROBED} for way in ways}
    rates: dict[str, list[float]] = {way: [] for way in FLOODS}
    with tempfile.TemporaryDirectory() as tmp, serving(Path(tmp), "--no-rate-limits") as base:
        port = int(base.rsplit(":", 1)[1])
        asyncio.run(probe(port, PROBED, 20))
        for _ in range(args.rounds):
            for way, flood in ways.items():
                measures, rate = measured(port, flood, args.clients, args.requests)
                for name, values in measures.items():
                    timings[way][name] += values
                if flood is not None:
                    rates[way].append(rate)
    print(
        f"{args.clients} clients: "
        + ", ".join(f"{way} {statistics.mean(r):.0f} req/s" for way, r in rates.items())
    )
    for name in PROBED:
        idle, flooded, reference = (timings[way][name] for way in ways)
        report(f"{name}, /app.zip flood", idle, flooded, TARGET)
        print(
            f"  against the reference flood (p99 {percentile(reference, 0.99):.1f} ms): "
            f"{percentile(flooded, 0.99) / percentile(reference, 0.99):.2f}"
        )


if __name__ == "__main__":
    main()
