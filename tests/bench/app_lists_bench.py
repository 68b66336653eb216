"""Long lists and the player in the browser: Chromium against `build.py serve --seed` on the long
world of tests/e2e/long_list_steps.py (a 10,000-track playlist, and a 50-track one).

    .venv/bin/python tests/bench/app_lists_bench.py [--runs 15]

(a) From the playlist's first page arriving in Python (the reply's body read, which a probe
    around `fetch` marks) to the end of the first frame after the screen is in the DOM, which
    paints it (an animation frame callback, then a message posted from it, which comes after):
    the 10,000-track playlist against the same screen on the 50-track playlist, navigated to in
    turn in one page, `--runs` times each after two warm-up rounds. Target: ≤ 150 ms.
(b) The most elements (and all nodes, text included) inside the list while scrolling through
    the whole 10,000-track playlist a screen a frame, its pages loading on the way; and the
    intervals between frames meanwhile. Target: ≤ 300 elements.
(c) From a click on "Next track" to the <audio> element's `playing` event, playing the
    playlist's audio-file tracks, against a bare <audio> element playing the same file in the
    same page, in turn, `--runs` times each. Target: ≤ 150 ms.

Timings are taken in the page (`performance.now()`); the baselines are measured in the same run,
alternately, so the ratios carry over between machines better than the milliseconds. Not collected
by pytest.
"""

import argparse
import re
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from buildkit.browser import launch_options  # noqa: E402
from server.openwhyd.demo import AUDIO_URL, TRACKS  # noqa: E402
from tests.e2e.long_list_steps import SHORT_USER, USER, long_world, title  # noqa: E402

TARGET_FIRST_PAINT_MS = 150
TARGET_LIST_ELEMENTS = 300
TARGET_NEXT_MS = 150
WARM_UP = 2

PROBE = """
window.__bench = { received: [], painted: [], clicked: [], playing: [] };
const realFetch = window.fetch;
window.fetch = async function (input, init) {
  const response = await realFetch.call(this, input, init);
  const url = String(typeof input === "string" ? input : input.url);
  if (/\\/playlist\\/0\\?/.test(url) && !/after=/.test(url)) {
    const read = response.arrayBuffer.bind(response);
    response.arrayBuffer = async () => {
      const body = await read();
      window.__bench.received.push(performance.now());
      return body;
    };
  }
  return response;
};
new MutationObserver((changes) => {
  const screen = changes.some((change) => change.target.id === "main");
  if (screen && document.querySelector("#main [data-long-list]")) {
    requestAnimationFrame(() => {  // the frame's other callbacks (the list's window), then its paint
      const after = new MessageChannel();
      after.port1.onmessage = () => window.__bench.painted.push(performance.now());
      after.port2.postMessage(null);
    });
  }
}).observe(document, { childList: true, subtree: true });
document.addEventListener("click", (event) => {
  if (event.target.closest && event.target.closest('[data-action="next"]')) {
    window.__bench.clicked.push(performance.now());
  }
}, true);
const play = HTMLMediaElement.prototype.play;
HTMLMediaElement.prototype.play = function () {
  this.addEventListener("playing", () => window.__bench.playing.push(performance.now()), { once: true });
  return play.call(this);
};
"""

SCROLL_THROUGH = """
async () => {
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  const list = () => document.querySelector("[data-long-list]");
  const last = () => Number(list().lastElementChild.getAttribute("aria-posinset"));
  const nodes = (root) => {
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    let count = 0;
    while (walk.nextNode()) count += 1;
    return count;
  };
  let elements = 0, all = 0, previous = await frame(), waits = 0;
  const gaps = [];
  while (true) {
    const bottom = scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
    if (bottom && last() === 10000) break;
    if (bottom) {  // the next page is on its way: wait for it, a frame at a time
      const before = last();
      while (last() === before && waits < 3000) { await frame(); waits += 1; }
      previous = await frame();
      continue;
    }
    scrollBy(0, innerHeight);
    const now = await frame();
    gaps.push(now - previous);
    previous = now;
    elements = Math.max(elements, list().getElementsByTagName("*").length);
    all = Math.max(all, nodes(list()));
  }
  return { elements, all, gaps, rows: last() };
}
"""

BARE_PLAY = """
async (url) => {
  const audio = document.createElement("audio");
  const started = performance.now();
  const playing = new Promise((done) => {
    audio.addEventListener("playing", () => done(performance.now()), { once: true });
  });
  audio.src = url;
  audio.play();
  const ms = (await playing) - started;
  audio.pause();
  audio.removeAttribute("src");
  audio.load();
  return ms;
}
"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def settle(page: Page) -> None:
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def first_paint(page: Page, user: str) -> float:
    """Milliseconds from the playlist's first page read to the frame that paints the screen."""
    page.evaluate("scrollTo(0, 0)")
    settle(page)
    page.evaluate("window.__bench.received = []; window.__bench.painted = []")
    page.evaluate(f"location.hash = '#/u/{user}/playlists/0'")
    page.wait_for_function("window.__bench.received.length > 0 && window.__bench.painted.length > 0")
    received = page.evaluate("window.__bench.received[0]")
    painted = page.evaluate(f"window.__bench.painted.find(time => time > {received})")
    settle(page)
    return painted - received


def next_to_playing(page: Page) -> float:
    page.evaluate("window.__bench.clicked = []; window.__bench.playing = []")
    page.get_by_role("contentinfo", name="Player").get_by_role("button", name="Next track").click()
    page.wait_for_function("window.__bench.clicked.length > 0 && window.__bench.playing.length > 0")
    return page.evaluate("window.__bench.playing[0] - window.__bench.clicked[0]")


def upcoming_file(page: Page, base: str) -> str:
    """The audio file of the track after the one playing (the tones cycle through four files)."""
    playing = page.get_by_role("contentinfo", name="Player").inner_text()
    position = int(re.search(r"Tone (\d{5})", playing)[1])
    files = list(TRACKS)
    return f"{base}{AUDIO_URL}{files[(position + 1) % len(files)]}"


def report(name: str, values: list[float], unit: str = "ms") -> float:
    median = statistics.median(values)
    print(
        f"  {name:34} median {median:7.1f} {unit}  p95 {percentile(values, 0.95):7.1f} {unit}"
        f"  [{', '.join(f'{v:.0f}' for v in values)}]"
    )
    return median


def verdict(value: float, target: float) -> str:
    return f"(target ≤ {target:g})  {'met' if value <= target else 'MISSED'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, long_world(Path(tmp)) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.add_init_script(PROBE)
        page.goto(f"{base}/#/u/{SHORT_USER}/playlists/0")
        page.wait_for_function("document.documentElement.dataset.ready === 'true'", timeout=120_000)

        paints: dict[str, list[float]] = {USER: [], SHORT_USER: []}
        for run in range(WARM_UP + args.runs):
            for user in paints:
                ms = first_paint(page, user)
                if run >= WARM_UP:
                    paints[user].append(ms)

        page.evaluate(f"location.hash = '#/u/{USER}/playlists/0'")
        page.get_by_role("link", name=title(1), exact=True).wait_for()
        page.evaluate("scrollTo(0, 0)")
        settle(page)
        scrolled = page.evaluate(SCROLL_THROUGH, None)

        page.evaluate("scrollTo(0, 0)")
        page.get_by_role("button", name=f"Play {title(1)}", exact=True).click()
        page.wait_for_function("window.__bench.playing.length > 0")
        nexts: dict[str, list[float]] = {"app": [], "bare": []}
        for run in range(WARM_UP + args.runs):
            bare = page.evaluate(BARE_PLAY, upcoming_file(page, base))
            app = next_to_playing(page)
            if run >= WARM_UP:
                nexts["bare"].append(bare)
                nexts["app"].append(app)
        browser.close()

    print(f"\n(a) playlist: first page read → the frame that paints it, {args.runs} runs each")
    long_ms = report("10,000 tracks", paints[USER])
    short_ms = report("50 tracks (baseline)", paints[SHORT_USER])
    print(
        f"  ratio 10,000/50: {long_ms / short_ms:.2f};  10,000 tracks: {long_ms:.0f} ms "
        f"{verdict(long_ms, TARGET_FIRST_PAINT_MS)}"
    )
    gaps = scrolled["gaps"]
    print(f"\n(b) scrolling through all {scrolled['rows']} tracks, a screen a frame ({len(gaps)} frames)")
    elements = scrolled["elements"]
    print(
        f"  most elements in the list: {elements} {verdict(elements, TARGET_LIST_ELEMENTS)}"
        f"; most nodes, text included: {scrolled['all']}"
    )
    print(
        f"  frame intervals: median {statistics.median(gaps):.1f} ms, p95 {percentile(gaps, 0.95):.1f} ms, "
        f"max {max(gaps):.1f} ms"
    )
    print(f"\n(c) next track → `playing`, audio files, {args.runs} runs each")
    app_ms = report("app: click on Next track", nexts["app"])
    bare_ms = report("bare <audio> (baseline)", nexts["bare"])
    print(
        f"  ratio app/bare: {app_ms / bare_ms:.2f};  app: {app_ms:.0f} ms {verdict(app_ms, TARGET_NEXT_MS)}"
    )


if __name__ == "__main__":
    main()
