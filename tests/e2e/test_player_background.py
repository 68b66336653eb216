"""Playing on with the page out of sight: a queue of audio files goes from track to track in the
one <audio> element while another tab is in front, and what the bar says at the end and when a
file is missing."""

import re

import pytest
from playwright.sync_api import Page, Request, expect

from app.player.time_format import clock
from tests.e2e.openwhyd_steps import DEMO_AUDIO, post_tracks
from tests.e2e.steps import open_location, sign_in, track_rows

TONES = [
    (f"/fi/{DEMO_AUDIO}c-major-chord.wav", "Tone one"),
    (f"/fi/{DEMO_AUDIO}g-major-arpeggio.wav", "Tone two"),
    (f"/fi/{DEMO_AUDIO}a-minor-chord.wav", "Tone three"),
]
WATCH_MEDIA = """() => {
    window.mediaElements = new Set();
    window.played = [];
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (...args) {
        window.mediaElements.add(this);
        if (window.played.at(-1) !== this.src) window.played.push(this.src);
        return play.apply(this, args);
    };
}"""
"""Keeps every media element the page plays, and each address it plays, in order."""
HIDE = """() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
    document.dispatchEvent(new Event("visibilitychange"));
}"""
"""Headless Chromium keeps every tab visible: the page is also told, as a browser tells it, that it
is hidden."""


def play_log(request: Request) -> dict | None:
    if request.method != "POST" or not request.url.endswith("/openwhyd/api/post"):
        return None
    body = request.post_data_json
    return body if body.get("action") == "incrPlayCounter" else None


def play_logs(page: Page) -> list[dict]:
    """The bodies of the page's `incrPlayCounter` calls from now on, in order."""
    logs: list[dict] = []
    page.on("request", lambda request: logs.append(play_log(request)) if play_log(request) else None)
    return logs


@pytest.fixture(scope="module")
def page(app_page: Page) -> Page:
    """Signed in, as plays and failures are logged for the signed in only; on the stream, where
    signing in ends."""
    sign_in(app_page)
    expect(app_page.get_by_role("heading", level=1)).to_have_text("Your stream")
    return app_page


def test_a_hidden_page_plays_its_queue_on_in_one_audio_element(page: Page, live_server: str) -> None:
    tracks = post_tracks(live_server, "Out of sight", TONES[::-1])  # a playlist shows the newest first
    logs = play_logs(page)
    open_location(page, f"#/u/admin/playlists/{tracks[0].playlist.id}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Out of sight")
    rows = track_rows(page)
    expect(rows).to_have_count(len(TONES))
    page.evaluate(WATCH_MEDIA)
    rows.nth(0).get_by_role("button", name=re.compile(r"^Play ")).click()
    bar = page.get_by_role("contentinfo", name="Player")
    expect(bar.get_by_role("button", name="Pause")).to_be_visible()

    front = page.context.new_page()
    front.bring_to_front()
    page.evaluate(HIDE)
    assert page.evaluate("document.hidden")
    expect(bar.locator(".player-title")).to_have_text(TONES[-1][1], timeout=30_000)
    expect(bar.get_by_role("button", name="Play", exact=True)).to_be_visible(timeout=15_000)
    front.close()

    assert page.evaluate("window.mediaElements.size") == 1, "one <audio> element for every file"
    played = page.evaluate("window.played")
    assert [re.sub(r"^https?://[^/]+", "", url) for url in played] == [eid[len("/fi/") :] for eid, _ in TONES]
    for _ in range(50):
        if len(logs) >= len(TONES):
            break
        page.wait_for_timeout(100)
    assert [log["eId"] for log in logs] == [eid for eid, _ in TONES]
    duration = float(bar.get_by_role("slider", name="Seek").get_attribute("max"))
    assert duration > 3, "at the end of the list the bar keeps the last track's duration"
    expect(bar.locator("#player-elapsed")).to_have_text(clock(duration, duration))


@pytest.mark.expect_page_errors  # the browser's "Failed to load resource" for the missing file
def test_a_missing_file_is_said_to_be_missing(page: Page, live_server: str) -> None:
    missing = f"/fi/{DEMO_AUDIO}not-there.wav"
    tracks = post_tracks(live_server, "Gone", [(missing, "A file that is gone")])
    open_location(page, f"#/u/admin/playlists/{tracks[0].playlist.id}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gone")
    logged_failure = lambda request: (play_log(request) or {}).get("eId") == missing  # noqa: E731
    for _ in ("first", "again"):  # a file that failed once fails as quickly again, not by a timeout
        with page.expect_request(logged_failure, timeout=5_000) as logged:
            track_rows(page).nth(0).get_by_role("button", name=re.compile(r"^Play ")).click()
        bar = page.get_by_role("contentinfo", name="Player")
        expect(bar.get_by_role("status")).to_have_text(
            "A file that is gone could not play: the file is missing (its server answered 404)."
        )
        assert play_log(logged.value)["logData"]["err"] == {
            "code": 404,
            "source": "fi",
            "message": "the file is missing (its server answered 404)",
        }
