"""`build.py bench`: the app's startup against a bare PyScript+Pyodide page, the embeddable
widget's against a bare PyScript+MicroPython page, and the time to first sound of a shared
playlist link in each, on each link of `--links`, in one browser run; then, on loopback, the
player's click → playing for each source, a first and a second track (`bench_player`).

Everything comes from one `serve --dist` of a fresh build, as a deployer would serve it (each
file in the coding the browser accepts), with the services and their demo data. Timings are read
in the page (`performance.now()`), cold in a browser with a new profile each run (empty HTTP and
code caches, no service worker, on disk as for a real user), warm as a reload in it once the page
has settled. Runs alternate between the pages.
"""

import tempfile
from pathlib import Path

from buildkit.bench_links import LINKS, LOOPBACK, Link, Wire
from buildkit.bench_pages import PAGES, PROBES, Page, write_baselines
from buildkit.bench_player import measure_player, report_player
from buildkit.bench_report import Key, Results, report
from buildkit.browser import launch_options
from buildkit.dist import build_dist
from buildkit.serving import serving

TIMEOUT_MS = 180_000


def run_benchmark(runs: int, links: tuple[Link, ...] = LINKS, player_only: bool = False) -> int:
    """The startup runs (unless `player_only`), then the player's (`bench_player`) on loopback."""
    from playwright.sync_api import sync_playwright

    results = Results()
    with tempfile.TemporaryDirectory() as tmp:
        dist = Path(tmp) / "dist"
        build_dist(dist)
        write_baselines(dist)
        with serving(Path(tmp) / "data", "--dist", str(dist)) as base, sync_playwright() as playwright:
            if not player_only:
                for page in PAGES:  # warms the disk and the server, not the browser
                    visit(playwright, f"{base}/{page.path}", page, LOOPBACK, Results())
                for link in links:
                    print(f"{link.describe()}: {link.runs(runs)} runs", flush=True)
                    for _ in range(link.runs(runs)):
                        for page in PAGES:
                            visit(playwright, f"{base}/{page.path}", page, link, results)
            player = measure_player(playwright, base, runs)
    if not player_only:
        report(results, links, runs)
    report_player(player, runs)
    return 0


def visit(playwright, url: str, page: Page, link: Link, results: Results) -> None:
    """A first visit in a new profile, and a later one once the first has settled."""
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(profile, **launch_options())
        try:
            context.add_init_script(PROBES)
            tab = context.new_page()
            wire = Wire(context, tab, link)
            tab.goto(url)
            if page.then:
                page.then(tab)
            _record(results, (link.name, page.name, "cold"), _measured(tab, page), wire)
            if page.settled:
                tab.wait_for_selector(page.settled, state="attached", timeout=TIMEOUT_MS)
                results.received[(link.name, page.name, "settled")].append(wire.take())
            if page.warm:
                tab.reload()
                _record(results, (link.name, page.name, "warm"), _measured(tab, page), wire)
        finally:
            context.close()


def _measured(tab, page: Page) -> float:
    tab.wait_for_function(f"{page.measured} !== undefined", timeout=TIMEOUT_MS)
    return tab.evaluate(page.measured)


def _record(results: Results, key: Key, milliseconds: float, wire: Wire) -> None:
    results.times[key].append(milliseconds)
    results.received[key].append(wire.take())
