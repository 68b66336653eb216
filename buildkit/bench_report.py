"""What `build.py bench` measured, and each target with its figure and whether it is met.

Ratios are medians of the ratios of loads taken side by side (the same run, the same link), so
drift on a busy machine hits both pages alike; only ratios carry over between machines.
"""

import statistics
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from buildkit.bench_links import Link
from buildkit.bench_pages import PAGES

Key = tuple[str, str, str]
"""(link, page, "cold" | "warm" | "settled")."""


@dataclass
class Results:
    times: dict[Key, list[float]] = field(default_factory=lambda: defaultdict(list))
    """Milliseconds from navigation to what the page measures."""
    received: dict[Key, list[int]] = field(default_factory=lambda: defaultdict(list))
    """Bytes over the network until then; "settled" counts those after ready, until settled."""

    def median(self, key: Key) -> float:
        return statistics.median(self.times[key])

    def paired(self, link: str, kind: str, page: str, baseline: str) -> float:
        pairs = zip(self.times[(link, page, kind)], self.times[(link, baseline, kind)], strict=True)
        return statistics.median(mine / theirs for mine, theirs in pairs)

    def warm_over_cold(self, link: str, page: str) -> float:
        pairs = zip(self.times[(link, page, "warm")], self.times[(link, page, "cold")], strict=True)
        return statistics.median(warm / cold for warm, cold in pairs)

    def megabytes(self, key: Key) -> float:
        return statistics.median(self.received[key]) / 1e6


@dataclass(frozen=True)
class Target:
    measure: str
    link: str
    now: str
    """The figure before this work, as the issue gives it."""
    limit: float
    unit: str
    figure: Callable[[Results], float]


TARGETS = (
    Target(
        "app cold vs the bare page served uncompressed",
        "20mbit",
        "1.18×",
        0.6,
        "×",
        lambda r: r.paired("20mbit", "cold", "app", "bare-raw"),
    ),
    Target(
        "app first visit until ready, bytes on the wire",
        "loopback",
        "22.8 MB",
        9,
        " MB",
        lambda r: r.megabytes(("loopback", "app", "cold")),
    ),
    Target("app cold vs bare", "loopback", "0.52×", 0.4, "×", lambda r: r.paired("loopback", "cold", "app", "bare")),
    Target(
        "widget cold vs bare MicroPython",
        "loopback",
        "1.55×",
        1.0,
        "×",
        lambda r: r.paired("loopback", "cold", "widget", "bare-mpy"),
    ),
    Target(
        "widget cold vs bare MicroPython",
        "20mbit",
        "1.55×",
        1.0,
        "×",
        lambda r: r.paired("20mbit", "cold", "widget", "bare-mpy"),
    ),
    Target(
        "time to first sound, widget link",
        "20mbit",
        "—",
        1500,
        " ms",
        lambda r: r.median(("20mbit", "widget-sound", "cold")),
    ),
    Target("app warm vs bare warm", "loopback", "0.48×", 0.6, "×", lambda r: r.paired("loopback", "warm", "app", "bare")),
    Target("app warm vs app cold", "loopback", "0.56×", 0.75, "×", lambda r: r.warm_over_cold("loopback", "app")),
    Target(
        "widget first visit, bytes on the wire",
        "loopback",
        "0.75 MB",
        1,
        " MB",
        lambda r: r.megabytes(("loopback", "widget", "cold")),
    ),
)
"""The issue's table, then the targets the benchmark kept before it."""


def report(results: Results, links: tuple[Link, ...], runs: int) -> None:
    for link in links:
        _report_link(results, link, link.runs(runs))
    print("\ntargets")
    ran = {link.name: link for link in links}
    for target in TARGETS:
        where = ran[target.link].describe() if target.link in ran else target.link
        head = f"  {target.measure}, {where}: before {target.now}"
        if target.link not in ran:
            print(f"{head}; not run (--links)")
            continue
        figure = target.figure(results)
        verdict = "met" if figure <= target.limit else "missed"
        print(f"{head}, now {_figure(figure, target.unit)} (target ≤ {target.limit:g}{target.unit}): {verdict}")


def _report_link(results: Results, link: Link, runs: int) -> None:
    name = link.name
    print(f"\n{link.describe()}: median of {runs} runs (ms; MB over the network until then)")
    for page in PAGES:
        kinds = ("cold", "warm") if page.warm else ("cold",)
        figures = []
        for kind in kinds:
            key = (name, page.name, kind)
            figures.append(f"{kind} {results.median(key):6.0f} ms {results.megabytes(key):6.2f} MB")
        values = ", ".join(f"{value:.0f}" for value in results.times[(name, page.name, "cold")])
        print(f"  {page.name:12} {'   '.join(figures):54} [cold: {values}]")
    print(f"  app, after ready until its files are kept: {results.megabytes((name, 'app', 'settled')):.2f} MB")
    print(
        f"  app/bare cold {results.paired(name, 'cold', 'app', 'bare'):.2f},"
        f" warm {results.paired(name, 'warm', 'app', 'bare'):.2f};"
        f" app/bare-raw cold {results.paired(name, 'cold', 'app', 'bare-raw'):.2f};"
        f" app warm/cold {results.warm_over_cold(name, 'app'):.2f};"
        f" widget/bare-mpy cold {results.paired(name, 'cold', 'widget', 'bare-mpy'):.2f}"
    )


def _figure(value: float, unit: str) -> str:
    return f"{value:.0f}{unit}" if unit == " ms" else f"{value:.2f}{unit}"
