"""`build.py bench`'s player part: from a click on a track's play button to the player bar saying
it plays (the adapter reported `playing`), for each source, against the fakes of the vendors'
players (`tests/e2e/fakes/`, at the vendors' own script addresses, as the tests serve them) and
for audio files; and the same for a second track of the same source, which goes into the player
the first one made. Each run is a new page, so each first track makes its source's player anew."""

import statistics
from collections import defaultdict

from buildkit.browser import launch_options

SOURCES = {
    "YouTube": ("/yt/fake-video", "/yt/other-video"),
    "SoundCloud": ("/sc/fake-artist/fake-song", "/sc/fake-artist/other-song"),
    "Vimeo": ("/vi/76979871", "/vi/76979872"),
    "Dailymotion": ("/dm/x8fake", "/dm/x8other"),
    "Deezer": ("/dz/3135556", "/dz/3135557"),
    "audio file": ("/fi//openwhyd/audio/c-major-chord.wav", "/fi//openwhyd/audio/a-minor-chord.wav"),
}
"""Two tracks of each source, by eId; the audio files are the demo world's, which the service makes."""
ORDINALS = ("first", "second")
PROBE = """
window.__player = { clicked: null, name: null, playing: [] };
window.fakes = Object.fromEntries(
  ["youtube", "soundcloud", "vimeo", "dailymotion", "deezer"].map((vendor) => [vendor, { seconds: 600 }]));
document.addEventListener("click", (event) => {
  const button = event.target.closest && event.target.closest('.track [aria-label^="Play "]');
  if (button) {
    window.__player.clicked = performance.now();
    window.__player.name = button.getAttribute("aria-label").slice("Play ".length);
    window.__player.playing = [];
  }
}, true);
new MutationObserver(() => {
  const bar = document.getElementById("player");
  const playing = bar && bar.querySelector('[data-action="toggle-play"][aria-label="Pause"]');
  const title = bar && bar.querySelector(".player-title");
  if (playing && title && title.textContent === window.__player.name && !window.__player.playing.length) {
    window.__player.playing.push(performance.now());
  }
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-label"] });
"""
"""Marks a click on a row's play button, and the first time after it that the bar shows that track
playing (its title, and the button turned to Pause)."""
TIMEOUT_MS = 60_000

Results = dict[tuple[str, str], list[float]]
"""Milliseconds by (source, "first" | "second")."""


def post_playlist(base: str) -> str:
    """The location of a playlist of admin's holding both tracks of each source, listed in order."""
    from tests.e2e.openwhyd_steps import post_tracks

    tracks = [
        (eid, f"{source} {ordinal}")
        for source, eids in SOURCES.items()
        for eid, ordinal in zip(eids, ORDINALS, strict=True)
    ]
    playlist = post_tracks(base, "Player benchmark", tracks[::-1])[0].playlist  # newest first
    assert playlist is not None
    return f"#/u/admin/playlists/{playlist.id}"


def measure_player(playwright, base: str, runs: int) -> Results:
    from tests.e2e.vendor_fakes import serve_fakes

    location = post_playlist(base)
    results: Results = defaultdict(list)
    browser = playwright.chromium.launch(**launch_options())
    try:
        for _ in range(runs):
            context = browser.new_context(service_workers="block")
            page = context.new_page()
            serve_fakes(page)
            page.add_init_script(PROBE)
            page.goto(f"{base}/{location}")
            page.wait_for_selector("html[data-ready=true]", timeout=TIMEOUT_MS)
            for source in SOURCES:
                for ordinal in ORDINALS:
                    results[(source, ordinal)].append(_click_to_playing(page, f"{source} {ordinal}"))
            context.close()
    finally:
        browser.close()
    return results


def _click_to_playing(page, name: str) -> float:
    page.get_by_role("button", name=f"Play {name}", exact=True).click()
    page.wait_for_function("window.__player.playing.length > 0", timeout=TIMEOUT_MS)
    return page.evaluate("window.__player.playing[0] - window.__player.clicked")


def report_player(results: Results, runs: int) -> bool:
    """Print the medians; whether every source's second track is no slower than its first."""
    print(f"\nPlayer: click → playing, against the vendors' fakes, {runs} runs (median, ms)")
    print(f"{'source':<12} {'first':>8} {'second':>8}  second no slower")
    every = True
    for source in SOURCES:
        first, second = (statistics.median(results[(source, ordinal)]) for ordinal in ORDINALS)
        every &= second <= first
        print(f"{source:<12} {first:>8.0f} {second:>8.0f}  {'yes' if second <= first else 'NO'}")
    return every
