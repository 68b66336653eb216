"""CPU time during a benchmark's round, read from Linux's /proc: what each group of processes used,
what the benchmark's own client used, and how busy the whole machine was, so a benchmark can give
a request's or a compile's CPU cost and say whether its round was CPU-bound.

A group is named by the processes it started (a server, PostgreSQL's postmaster, a worker); its time
is theirs and their descendants'. A process's own time plus what its reaped children used, summed
over the live processes of a tree, counts the tree's exited processes once as well (PostgreSQL's
backends, hvcc's compile processes). The client's time is this process's alone, without children.
"""

import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
CORES = os.cpu_count() or 1
CPU_BOUND = 0.9
"""The share of every core busy past which a round is called CPU-bound."""


def _processes() -> dict[int, tuple[int, float]]:
    """Each live process: its parent, and its own and its reaped children's CPU seconds."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        found[int(entry.name)] = (int(fields[1]), sum(map(int, fields[11:15])) / TICK)
    return found


def tree_seconds(roots: Iterable[int], processes: dict[int, tuple[int, float]]) -> float:
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in processes.items():
        children.setdefault(parent, []).append(pid)
    total, todo = 0.0, [pid for pid in roots if pid in processes]
    while todo:
        pid = todo.pop()
        total += processes[pid][1]
        todo += children.get(pid, [])
    return total


def _machine() -> tuple[float, float]:
    """Busy and all CPU seconds since boot, over every core."""
    ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = ticks[3] + ticks[4]
    total = sum(ticks[:8])
    return (total - idle) / TICK, total / TICK


@dataclass(frozen=True)
class Snapshot:
    wall: float
    groups: dict[str, float]
    client: float
    machine: tuple[float, float]


def snapshot(groups: dict[str, list[int]]) -> Snapshot:
    processes = _processes()
    return Snapshot(
        time.perf_counter(),
        {name: tree_seconds(pids, processes) for name, pids in groups.items()},
        time.process_time(),
        _machine(),
    )


@dataclass
class Usage:
    """What a configuration's rounds used, in CPU seconds; added to as each round ends."""

    wall: float = 0.0
    groups: dict[str, float] = field(default_factory=dict)
    client: float = 0.0
    machine_busy_seconds: float = 0.0
    machine_seconds: float = 0.0
    one_core: dict[str, int] = field(default_factory=dict)
    """Groups of Python processes whose work holds the GIL, so each can use one core at most: how
    many processes each has."""

    def add(self, before: Snapshot, after: Snapshot) -> None:
        self.wall += after.wall - before.wall
        for name in after.groups:
            self.groups[name] = self.groups.get(name, 0.0) + after.groups[name] - before.groups[name]
        self.client += after.client - before.client
        self.machine_busy_seconds += after.machine[0] - before.machine[0]
        self.machine_seconds += after.machine[1] - before.machine[1]

    @property
    def machine_busy(self) -> float:
        """The share of every core that was busy, whoever used it."""
        return self.machine_busy_seconds / max(self.machine_seconds, 1e-9)

    @property
    def ours(self) -> float:
        """CPU seconds of the measured groups and the client."""
        return sum(self.groups.values()) + self.client

    @property
    def others(self) -> float:
        """The share of the machine's cores busy with processes outside the round (other work)."""
        return max(0.0, self.machine_busy - self.ours / (self.wall * CORES))

    def verdict(self) -> str:
        """Whether the round was CPU-bound, and who used the cores."""
        used = ", ".join(f"{name} {seconds / self.wall:.2f}" for name, seconds in self.groups.items())
        each = {name: self.groups[name] / self.wall / count for name, count in self.one_core.items()}
        full = [f"{name} {share:.2f} of a core each" for name, share in each.items() if share >= CPU_BOUND]
        if self.machine_busy >= CPU_BOUND:
            bound = "CPU-bound (every core)"
        elif full:
            bound = f"CPU-bound in its processes ({', '.join(full)})"
        else:
            bound = "not CPU-bound"
        return (
            f"{bound}: machine {self.machine_busy:.0%} busy of {CORES} cores; cores used: {used}, "
            f"client {self.client / self.wall:.2f}, other processes {self.others * CORES:.2f}"
        )


@contextmanager
def measured(
    groups: dict[str, list[int]], usage: Usage | None = None, one_core: tuple[str, ...] = ()
) -> Iterator[Usage]:
    """The CPU the block's round used, added to `usage` if given (rounds of one configuration);
    `one_core` names the groups of processes that can each use one core at most (see `Usage`)."""
    usage = usage if usage is not None else Usage()
    usage.one_core = {name: len(groups[name]) for name in one_core}
    before = snapshot(groups)
    yield usage
    usage.add(before, snapshot(groups))
