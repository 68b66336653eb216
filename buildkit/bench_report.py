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


Figure = Callable[[Results, str], float]
"""A target's figure from the results of its link."""


def paired(kind: str, page: str, baseline: str) -> Figure:
    return lambda results, link: results.paired(link, kind, page, baseline)


def first_visit_megabytes(page: str) -> Figure:
    return lambda results, link: results.megabytes((link, page, "cold"))


def cold_median(page: str) -> Figure:
    return lambda results, link: results.median((link, page, "cold"))


def warm_over_cold(page: str) -> Figure:
    return lambda results, link: results.warm_over_cold(link, page)


@dataclass(frozen=True)
class Target:
    measure: str
    link: str
    before: str
    """The figure before this work, as the issue gives it."""
    limit: float
    unit: str
    figure: Figure


RATIO, MEGABYTES, MILLISECONDS = "x", " MB", " ms"
WIDGET_COLD, WIDGET_SOUND = paired("cold", "widget", "bare-mpy"), cold_median("widget-sound")
TARGETS = (
    Target(
        "app cold vs the bare page served uncompressed",
        "20mbit",
        "1.18x",
        0.6,
        RATIO,
        paired("cold", "app", "bare-raw"),
    ),
    Target(
        "app first visit until ready, bytes on the wire",
        "20mbit",
        "22.8 MB",
        9,
        MEGABYTES,
        first_visit_megabytes("app"),
    ),
    Target("app cold vs bare", "loopback", "0.52x", 0.4, RATIO, paired("cold", "app", "bare")),
    Target("widget cold vs bare MicroPython", "loopback", "1.55x", 1.0, RATIO, WIDGET_COLD),
    Target("widget cold vs bare MicroPython", "20mbit", "1.55x", 1.0, RATIO, WIDGET_COLD),
    Target("time to first sound, widget link", "20mbit", "-", 1500, MILLISECONDS, WIDGET_SOUND),
    Target("app warm vs bare warm", "loopback", "0.48x", 0.6, RATIO, paired("warm", "app", "bare")),
    Target("app warm vs app cold", "loopback", "0.56x", 0.75, RATIO, warm_over_cold("app")),
    Target(
        "widget first visit, bytes on the wire",
        "loopback",
        "0.75 MB",
        1,
        MEGABYTES,
        first_visit_megabytes("widget"),
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
        head = f"  {target.measure}, {where}: before {target.before}"
        if target.link not in ran:
            print(f"{head}; not run (--links)")
            continue
        figure = target.figure(results, target.link)
        verdict = "met" if figure <= target.limit else "missed"
        limit = f"{target.limit:g}{target.unit}"
        print(f"{head}, now {_figure(figure, target.unit)} (target ≤ {limit}): {verdict}")


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
    settled = results.megabytes((name, "app", "settled"))
    print(f"  app, after ready until the service worker kept its files and the snapshot: {settled:.2f} MB")
    print(
        f"  app/bare cold {results.paired(name, 'cold', 'app', 'bare'):.2f},"
        f" warm {results.paired(name, 'warm', 'app', 'bare'):.2f};"
        f" app/bare-raw cold {results.paired(name, 'cold', 'app', 'bare-raw'):.2f};"
        f" app warm/cold {results.warm_over_cold(name, 'app'):.2f};"
        f" widget/bare-mpy cold {results.paired(name, 'cold', 'widget', 'bare-mpy'):.2f}"
    )


def _figure(value: float, unit: str) -> str:
    return f"{value:.0f}{unit}" if unit == MILLISECONDS else f"{value:.2f}{unit}"
