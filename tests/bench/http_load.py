"""Raw keep-alive HTTP/1.1 for the benchmarks: latencies of one client, and load from another process.

Load runs in its own process so that reading its replies does not slow the measuring client.
"""

import asyncio
import multiprocessing
import queue
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress


def request(method: str, path: str, headers: dict[str, str] | None = None, body: bytes = b"") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: bench", *(f"{k}: {v}" for k, v in (headers or {}).items())]
    if body or method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    return "\r\n".join(lines).encode() + b"\r\n\r\n" + body


async def exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, sent: bytes) -> int:
    """One request on a keep-alive connection; returns the status once the whole body is read."""
    writer.write(sent)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    length = next(
        int(line.split(b":")[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length:")
    )
    await reader.readexactly(length)
    return int(head.split(b" ", 2)[1])


async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, sent: bytes) -> float:
    """One request that must succeed; returns its latency in seconds."""
    started = time.perf_counter()
    status = await exchange(reader, writer, sent)
    assert status == 200, f"{sent.split(b' ', 2)[:2]} answered {status}"
    return time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    """In milliseconds."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


async def probe(port: int, requests: dict[str, bytes], rounds: int) -> dict[str, list[float]]:
    """One client, asking for each of `requests` in turn, `rounds` times: latencies by name."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    timings: dict[str, list[float]] = {name: [] for name in requests}
    for _ in range(rounds):
        for name, sent in requests.items():
            timings[name].append(await fetch(reader, writer, sent))
    writer.close()
    return timings


def _repeat(port: int, sent: bytes, clients: int, stop, answered) -> None:
    statuses: Counter[int] = Counter()

    async def client() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while not stop.is_set():
            statuses[await exchange(reader, writer, sent)] += 1
        writer.close()

    async def everyone() -> None:
        await asyncio.gather(*(client() for _ in range(clients)))

    asyncio.run(everyone())
    answered.put(statuses)


@contextmanager
def repeated(port: int, sent: bytes, clients: int) -> Iterator[Counter[int]]:
    """`clients` connections in another process, each sending `sent` again as soon as it is answered,
    until the block ends; the Counter holds the statuses answered, once the block has ended."""
    context = multiprocessing.get_context("spawn")
    stop, answered = context.Event(), context.Queue()
    worker = context.Process(target=_repeat, args=(port, sent, clients, stop, answered))
    worker.start()
    counted: Counter[int] = Counter()
    try:
        yield counted
    finally:
        stop.set()
        while worker.is_alive() or not answered.empty():
            with suppress(queue.Empty):
                counted.update(answered.get(timeout=1))
                break
        worker.join()
        if worker.exitcode:
            raise RuntimeError(f"the load's process failed with {worker.exitcode}")


def report(title: str, idle: list[float], loaded: list[float], target: float) -> None:
    """The p50/p99 of both, and their p99 ratio against `target`."""
    ratio = percentile(loaded, 0.99) / percentile(idle, 0.99)
    print(
        f"{title}: idle p50 {percentile(idle, 0.5):.1f} ms p99 {percentile(idle, 0.99):.1f} ms "
        f"({len(idle)}), loaded p50 {percentile(loaded, 0.5):.1f} ms p99 {percentile(loaded, 0.99):.1f} ms "
        f"({len(loaded)}); p99 ratio {ratio:.2f} (target ≤ {target:g}): "
        f"{'met' if ratio <= target else 'missed'}"
    )
