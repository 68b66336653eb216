"""`build.py bench`: the app's startup against a bare PyScript+Pyodide page, and the embeddable
widget's against a bare PyScript+MicroPython page, in one browser run.

Timings are read in the page (`performance.now()` at the ready signal), cold in a browser with a
new profile each run (empty HTTP and code caches, no service worker, on disk as for a real user),
warm as a reload in it once the page has settled (the app's service worker has kept its files).
Runs alternate between the pages, and each ratio is the median of the ratios of the loads taken
side by side, so drift on a busy machine hits both pages alike. Only ratios carry over between
machines.
"""

import statistics
import tempfile
from pathlib import Path

from buildkit.browser import launch_options
from buildkit.dist import build_dist
from buildkit.lock import read_lock
from buildkit.serving import serving

TARGET_COLD_RATIO = 1.0
TARGET_WARM_RATIO = 0.6
TARGET_WARM_OVER_COLD = 0.75
TARGET_WIDGET_COLD_RATIO = 1.3
TARGET_WIDGET_BYTES = 1_000_000

BARE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bare</title>
<script type="module" src="./static/vendor/{core}/core.js"></script></head>
<body><script type="{kind}" config='{{"interpreter": "./static/vendor/{interpreter}"}}'>
print("hello from {name}")
</script></body></html>
"""
"""A baseline: what PyScript with an interpreter costs before any code of ours."""


# Records when each page is ready: the app's marker on <html>, the bare page's py:all-done.
READY_PROBE = """
addEventListener("py:all-done", () => { window.__allDone ??= performance.now(); });
new MutationObserver(() => {
  if (document.documentElement.dataset.ready === "true") window.__appReady ??= performance.now();
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-ready"] });
"""

PAGES = {
    "bare": ("bare.html", "window.__allDone"),
    "app": ("index.html", "window.__appReady"),
    "bare-mpy": ("bare-mpy.html", "window.__allDone"),
    "widget": ("embed.html?u=admin&pl=0", "window.__appReady"),
}
SETTLED = {"app": "html[data-offline='ready']"}
"""What a page still does after it is ready, awaited before the warm reload as a later visit would:
the app's service worker storing the files of the first start."""


def load(page, url: str, probe: str, *, reload: bool = False) -> tuple[float, int]:
    """Milliseconds to ready, and bytes that came over the network (not from the cache)."""
    received: list[int] = []

    def count(request) -> None:
        response = request.response()
        if response is not None and not response.from_service_worker:
            received.append(max(request.sizes()["responseBodySize"], 0))

    page.on("requestfinished", count)
    if reload:
        page.reload()
    else:
        page.goto(url)
    page.wait_for_function(f"{probe} !== undefined", timeout=120_000)
    page.remove_listener("requestfinished", count)
    return page.evaluate(probe), sum(received)


def run_benchmark(runs: int) -> int:
    from playwright.sync_api import sync_playwright

    pins = {pin.name: pin for pin in read_lock()}
    with tempfile.TemporaryDirectory() as tmp:
        dist = Path(tmp) / "dist"
        build_dist(dist)
        core = pins["@pyscript/core"].into
        (dist / "bare.html").write_text(
            BARE_PAGE.format(
                core=core, kind="py", interpreter=f"{pins['pyodide'].into}/pyodide.mjs", name="Pyodide"
            )
        )
        micropython = pins["@micropython/micropython-webassembly-pyscript"].into
        (dist / "bare-mpy.html").write_text(
            BARE_PAGE.format(
                core=core, kind="mpy", interpreter=f"{micropython}/micropython.mjs", name="MicroPython"
            )
        )
        results: dict[tuple[str, str], list[float]] = {}
        transferred: dict[tuple[str, str], int] = {}
        with serving(Path(tmp) / "data", "--dist", str(dist)) as base, sync_playwright() as playwright:
            for run in range(runs + 1):
                for name, (path, probe) in PAGES.items():
                    with tempfile.TemporaryDirectory() as profile:
                        context = playwright.chromium.launch_persistent_context(profile, **launch_options())
                        context.add_init_script(READY_PROBE)
                        page = context.new_page()
                        cold, cold_bytes = load(page, f"{base}/{path}", probe)
                        if name in SETTLED:
                            page.wait_for_selector(SETTLED[name], state="attached", timeout=60_000)
                        warm, warm_bytes = load(page, f"{base}/{path}", probe, reload=True)
                        context.close()
                    if run == 0:
                        continue  # the first run warms the disk and the server, not the browser
                    results.setdefault((name, "cold"), []).append(cold)
                    results.setdefault((name, "warm"), []).append(warm)
                    transferred[(name, "cold")], transferred[(name, "warm")] = cold_bytes, warm_bytes
    report(results, transferred, runs)
    return 0


def report(
    results: dict[tuple[str, str], list[float]], transferred: dict[tuple[str, str], int], runs: int
) -> None:
    median = {key: statistics.median(values) for key, values in results.items()}

    def paired(kind: str, page: str = "app", baseline: str = "bare") -> float:
        return statistics.median(
            app / bare for app, bare in zip(results[(page, kind)], results[(baseline, kind)], strict=True)
        )

    print(f"\nstartup, median of {runs} runs (ms to ready; MB over the network)")
    for name in PAGES:
        for kind in ("cold", "warm"):
            values = ", ".join(f"{v:.0f}" for v in results[(name, kind)])
            megabytes = transferred[(name, kind)] / 1e6
            print(f"  {name:8} {kind}: {median[(name, kind)]:7.0f} ms  {megabytes:5.2f} MB   [{values}]")
    cold_ratio, warm_ratio = paired("cold"), paired("warm")
    warm_over_cold = statistics.median(
        warm / cold for warm, cold in zip(results[("app", "warm")], results[("app", "cold")], strict=True)
    )
    print(
        f"  app/bare cold: {cold_ratio:.2f}  (target ≤ {TARGET_COLD_RATIO})"
        f"  {'met' if cold_ratio <= TARGET_COLD_RATIO else 'MISSED'}"
    )
    print(
        f"  app/bare warm: {warm_ratio:.2f}  (target ≤ {TARGET_WARM_RATIO})"
        f"  {'met' if warm_ratio <= TARGET_WARM_RATIO else 'MISSED'}"
    )
    print(
        f"  app warm/cold: {warm_over_cold:.2f}  (target ≤ {TARGET_WARM_OVER_COLD})"
        f"  {'met' if warm_over_cold <= TARGET_WARM_OVER_COLD else 'MISSED'}"
    )
    widget_ratio, widget_bytes = paired("cold", "widget", "bare-mpy"), transferred[("widget", "cold")]
    print(
        f"  widget/bare-mpy cold: {widget_ratio:.2f}  (target ≤ {TARGET_WIDGET_COLD_RATIO})"
        f"  {'met' if widget_ratio <= TARGET_WIDGET_COLD_RATIO else 'MISSED'}"
    )
    print(
        f"  widget cold transfer: {widget_bytes / 1e6:.2f} MB  (target ≤ {TARGET_WIDGET_BYTES / 1e6:g} MB)"
        f"  {'met' if widget_bytes <= TARGET_WIDGET_BYTES else 'MISSED'}"
    )
