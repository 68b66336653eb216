"""One queue across every source: YouTube, SoundCloud, Vimeo, Dailymotion and Deezer play through their
adapters against local fakes of each vendor's public JS API (`fakes/`, served by these tests only, at
the vendor's own script address), Bandcamp through the stream Openwhyd finds, audio files as files."""

import re
from collections import Counter
from dataclasses import dataclass

import pytest
from playwright.sync_api import Locator, Page, Request, expect

from app.openwhyd.eid import DAILYMOTION, DEEZER, SOUNDCLOUD, VIMEO, YOUTUBE, source_kind
from app.openwhyd.models import Track
from app.player.vendors import SCRIPTS
from tests.e2e.openwhyd_steps import DEMO_AUDIO, post_tracks, service_json
from tests.e2e.steps import SCREENSHOTS, open_location, sign_in
from tests.e2e.vendor_fakes import VENDORS, serve_fakes

FOUND_STREAM = re.compile(r"/openwhyd/api/bandcampExtractor\?eId=%2Fbc%2Ffake-artist%2F")

BLOCKED, LOST = "A YouTube video that cannot be embedded", "A Bandcamp song Openwhyd cannot find"
EMBED_FORBIDDEN = "the video's owner does not allow it to play outside YouTube"
NO_BANDCAMP_LOOKUP = "Bandcamp streams cannot be looked up from this server"
TRACKS = [
    ("/yt/fake-video", "A YouTube video"),
    ("/sc/fake-artist/fake-song", "A SoundCloud song"),
    (f"/fi/{DEMO_AUDIO}c-major-chord.wav", "An audio file"),
    ("/vi/76979871", "A Vimeo video"),
    ("/yt/blocked-video", BLOCKED),
    ("/dm/x8fake", "A Dailymotion video"),
    ("/dz/3135556", "A Deezer track"),
    ("/bc/fake-artist/fake-song", "A Bandcamp song"),
    ("/sc/fake-artist/gone-song", "A SoundCloud song taken down"),
    ("/vi/11111111", "A private Vimeo video"),
    ("/dm/x8blocked", "A Dailymotion video blocked here"),
    ("/dz/999999", "A Deezer track Deezer cannot play"),
    ("/bc/gone-artist/gone-song", LOST),
]
"""As the playlist lists them: a track of each source that plays, then one of each that fails."""
FAILURES = {
    BLOCKED: {"code": 150, "source": "yt", "message": EMBED_FORBIDDEN},
    "A SoundCloud song taken down": {
        "code": "error",
        "source": "sc",
        "message": "SoundCloud could not play the track (removed, private, or not allowed here)",
    },
    "A private Vimeo video": {
        "code": "PrivacyError",
        "source": "vi",
        "message": "the video's privacy settings do not allow it to play here",
    },
    "A Dailymotion video blocked here": {
        "code": "DM007",
        "source": "dm",
        "message": "the video is not available in this country",
    },
    "A Deezer track Deezer cannot play": {
        "code": "unavailable",
        "source": "dz",
        "message": "Deezer has no playable track with this id",
    },
    LOST: {"code": "no-stream", "source": "bc", "message": NO_BANDCAMP_LOOKUP},
}
"""What each failing track's play is logged with, in `logData.err`."""
FAKE_FAILURES = {
    "youtube": {"blocked-video": 150},
    "soundcloud": {"https://soundcloud.com/fake-artist/gone-song": True},
    "vimeo": {"11111111": "PrivacyError"},
    "dailymotion": {"x8blocked": "DM007"},
    "deezer": {"999999": True},
}
"""What each fake reports for the media of the failing tracks."""
VIDEO_KINDS = {YOUTUBE, VIMEO, DAILYMOTION}
LOADS = "vendor => window.fakes[vendor].told.filter(what => what.startsWith('load '))"
"""What a fake player was told to load, in order (`Embeds.forget` clears it)."""


@dataclass
class Embeds:
    page: Page
    tracks: list[Track]
    scripts_served: Counter
    """How many times each fake was served, by source kind."""
    play_logs: list[dict]
    """The bodies of the page's `incrPlayCounter` calls, in order."""

    @property
    def bar(self) -> Locator:
        return self.page.get_by_role("contentinfo", name="Player")

    def row(self, name: str) -> Locator:
        return self.page.locator(".track").filter(has=self.play_button(name))

    def play_button(self, name: str) -> Locator:
        return self.page.get_by_role("button", name=f"Play {name}", exact=True)

    def play(self, name: str) -> None:
        self.play_button(name).click()

    def set_fakes(self, seconds: int) -> None:
        """How long every fake medium lasts from now on."""
        self.page.evaluate(
            """([vendors, seconds]) => vendors.forEach(vendor => {
                window.fakes[vendor] = Object.assign(window.fakes[vendor] || {}, {seconds});
            })""",
            [list(VENDORS.values()), seconds],
        )

    def told(self, kind: str, what: str) -> None:
        """Waits until the fake player of `kind` was told `what` ("pause", "seek 2"…) since `forget`."""
        self.page.wait_for_function(
            "([vendor, what]) => window.fakes[vendor].told.includes(what)", arg=[VENDORS[kind], what]
        )

    def forget(self, kind: str) -> None:
        self.page.evaluate("vendor => { window.fakes[vendor].told.length = 0; }", VENDORS[kind])

    def record_statuses(self) -> None:
        """From now on, `statuses` keeps each message the player bar shows, however briefly."""
        self.page.evaluate(
            """() => {
                window.statuses = [];
                const bar = document.getElementById("player");
                new MutationObserver(() => {
                    const text = bar.querySelector("[role=status]")?.textContent;
                    if (text && window.statuses.at(-1) !== text) window.statuses.push(text);
                }).observe(bar, { childList: true, subtree: true, characterData: true });
            }"""
        )

    def statuses(self) -> list[str]:
        return self.page.evaluate("window.statuses")

    def loads(self, kind: str) -> list[str]:
        """What the fake player of `kind` was told to load since `forget`."""
        return self.page.evaluate(LOADS, VENDORS[kind])

    def players_made(self, kind: str) -> int:
        return self.page.evaluate("vendor => window.fakes[vendor].made", VENDORS[kind])

    def log_for(self, name: str) -> dict:
        eid = next(track.eid for track in self.tracks if track.name == name)
        return next(log for log in self.play_logs if log["eId"] == eid)


def plays(live_server: str, tracks: list[Track]) -> dict[str, int]:
    """Each track's play count, as the service keeps it."""
    return {
        track.name: service_json(live_server, f"/c/{track.id}?format=json")["data"].get("nbP", 0)
        for track in tracks
    }


def play_log(request: Request) -> dict | None:
    if request.method != "POST" or not request.url.endswith("/openwhyd/api/post"):
        return None
    body = request.post_data_json
    return body if body.get("action") == "incrPlayCounter" else None


@pytest.fixture(scope="module")
def embeds(app_page: Page, live_server: str) -> Embeds:
    page = app_page
    served = serve_fakes(page)  # afresh: what the harness served before counts for nothing here
    page.route(
        FOUND_STREAM,
        lambda route: route.fulfill(
            json={"eId": "/bc/fake-artist/fake-song", "streamURL": f"{DEMO_AUDIO}a-minor-chord.wav"}
        ),
    )
    logs: list[dict] = []

    def record(request: Request) -> None:
        found = play_log(request)
        if found is not None:
            logs.append(found)

    page.on("request", record)
    fakes = {vendor: {"failures": failures} for vendor, failures in FAKE_FAILURES.items()}
    page.evaluate("settings => { window.fakes = settings; }", fakes)
    sign_in(page)
    tracks = post_tracks(live_server, "Every source", TRACKS[::-1])  # a playlist shows the newest first
    open_location(page, f"#/u/admin/playlists/{tracks[0].playlist.id}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Every source")
    embeds = Embeds(page, tracks, served, logs)
    in_order = [re.compile(f"^{re.escape(name)}$") for _, name in TRACKS[:8]]  # a long list draws some rows
    expect(page.locator(".tracks .track-name")).to_contain_text(in_order)
    return embeds


def test_each_source_plays_and_obeys_its_player_whose_script_loads_when_first_needed(embeds: Embeds) -> None:
    assert not embeds.scripts_served, "no player's script loads before a track of its source plays"
    embeds.set_fakes(seconds=120)
    bar, stage = embeds.bar, embeds.page.get_by_role("region", name="Video player")
    elapsed, seek = bar.locator("#player-elapsed"), bar.get_by_role("slider", name="Seek")
    needed: set[str] = set()
    for eid, name in TRACKS:
        if name in FAILURES:
            continue
        kind = source_kind(eid)
        embeds.play(name)
        expect(bar.locator(".player-title")).to_have_text(name)
        expect(embeds.row(name)).to_have_attribute("aria-current", "true")
        expect(bar.get_by_role("button", name="Pause")).to_be_visible()
        expect(elapsed).to_have_text(re.compile(r"0:0[1-9]"))
        if kind in VIDEO_KINDS:
            expect(stage).to_be_visible()
        else:
            expect(stage).to_be_hidden()
        needed |= {kind} & VENDORS.keys()
        assert set(embeds.scripts_served) == needed
        if kind not in VENDORS:
            continue
        embeds.forget(kind)
        bar.get_by_role("button", name="Pause").click()
        embeds.told(kind, "pause")
        expect(bar.get_by_role("button", name="Play", exact=True)).to_be_visible()
        bar.get_by_role("button", name="Play", exact=True).click()
        embeds.told(kind, "play")
        expect(bar.get_by_role("button", name="Pause")).to_be_visible()
        seek.fill("30")
        embeds.told(kind, "seek 30")
        expect(elapsed).to_have_text(re.compile(r"0:3[0-9]"))
        bar.get_by_role("slider", name="Volume").fill("40")
        embeds.told(kind, "volume 40")
    assert embeds.scripts_served == dict.fromkeys(VENDORS, 1), "each script loads once, however many tracks"
    bar.get_by_role("button", name="Pause").click()


def test_the_queue_moves_on_across_sources_and_failures_are_shown_skipped_and_logged(
    embeds: Embeds, live_server: str
) -> None:
    embeds.set_fakes(seconds=3)
    bar, status = embeds.bar, embeds.bar.get_by_role("status")
    embeds.play_logs.clear()
    before = plays(live_server, embeds.tracks)
    embeds.record_statuses()
    embeds.play("A Vimeo video")
    for name in ("A Vimeo video", "A Dailymotion video", "A Deezer track", "A Bandcamp song"):
        expect(bar.locator(".player-title")).to_have_text(name, timeout=20_000)
        expect(embeds.row(name)).to_have_attribute("aria-current", "true")
        if name == "A Dailymotion video":  # the message of the track skipped, until this one plays
            expect(bar.get_by_role("button", name="Pause")).to_be_visible()
            expect(status).to_have_count(0)
            assert embeds.statuses()[-1] == f"{BLOCKED} could not play: {EMBED_FORBIDDEN}. Skipped."
    expect(status).to_have_text(f"{LOST} could not play: {NO_BANDCAMP_LOOKUP}.", timeout=20_000)
    expect(bar.get_by_role("button", name="Play", exact=True)).to_be_visible()
    expect(embeds.page.get_by_role("region", name="Video player")).to_be_hidden()

    for name, err in FAILURES.items():
        assert embeds.log_for(name)["logData"]["err"] == err
    played = embeds.log_for("A Dailymotion video")
    assert "logData" not in played and played["duration"] == 3

    after = plays(live_server, embeds.tracks)
    counted = {name for name in after if after[name] > before[name]}
    assert counted == {"A Vimeo video", "A Dailymotion video", "A Deezer track", "A Bandcamp song"}


SAME_SOURCE = {
    YOUTUBE: (("A YouTube video", "fake-video"), (BLOCKED, "blocked-video")),
    SOUNDCLOUD: (
        ("A SoundCloud song", "https://soundcloud.com/fake-artist/fake-song"),
        ("A SoundCloud song taken down", "https://soundcloud.com/fake-artist/gone-song"),
    ),
    VIMEO: (("A Vimeo video", "76979871"), ("A private Vimeo video", "11111111")),
    DAILYMOTION: (("A Dailymotion video", "x8fake"), ("A Dailymotion video blocked here", "x8blocked")),
    DEEZER: (("A Deezer track", "3135556"), ("A Deezer track Deezer cannot play", "999999")),
}
"""Two tracks of each third-party source, one that plays and one that fails, and the media id the
player is told to load for each."""


def test_each_source_loads_track_after_track_into_the_one_player_it_made(embeds: Embeds) -> None:
    embeds.set_fakes(seconds=120)
    for kind, (playing, failing) in SAME_SOURCE.items():
        embeds.forget(kind)
        for step, (name, _) in enumerate((playing, failing, playing)):
            embeds.play(name)
            embeds.page.wait_for_function(
                f"([vendor, count]) => ({LOADS})(vendor).length > count", arg=[VENDORS[kind], step]
            )
        expect(embeds.bar.get_by_role("button", name="Pause")).to_be_visible()
        assert embeds.loads(kind) == [f"load {media}" for _, media in (playing, failing, playing)]
        assert embeds.players_made(kind) == 1, f"one {kind} player for the whole session"
    embeds.bar.get_by_role("button", name="Pause").click()


def test_the_video_stage_fits_a_phone_and_a_desktop(embeds: Embeds) -> None:
    embeds.set_fakes(seconds=120)
    page = embeds.page
    embeds.play("A YouTube video")
    stage = page.get_by_role("region", name="Video player")
    expect(stage).to_be_visible()
    for size in ({"width": 390, "height": 844}, {"width": 1280, "height": 800}):
        page.set_viewport_size(size)
        box = stage.bounding_box()
        assert box["width"] >= 200 and box["height"] >= 200, f"YouTube wants 200 by 200 at least: {box}"
        assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"]
        player = embeds.bar.bounding_box()
        assert box["y"] + box["height"] <= player["y"], "the stage stays above the player bar"
        room = page.evaluate("parseFloat(getComputedStyle(document.getElementById('app')).paddingBottom)")
        assert room >= box["height"] + player["height"], "the page scrolls out from under the stage"
        assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"player-stage-{size['width']}.png")
    embeds.bar.get_by_role("button", name="Pause").click()


@pytest.mark.expect_page_errors  # only the browser's "Failed to load resource" for the refused script
def test_a_player_whose_script_cannot_load_says_so_and_tries_again(embeds: Embeds, fresh_app) -> None:
    video = next(track for track in embeds.tracks if track.name == "A YouTube video")
    page = fresh_app(f"#/t/{video.id}")
    page.route(SCRIPTS[YOUTUBE].url, lambda route: route.abort())
    bar = page.get_by_role("contentinfo", name="Player")
    for _ in ("first", "again"):
        with page.expect_request(SCRIPTS[YOUTUBE].url):
            page.get_by_role("main").get_by_role("button", name="Play", exact=True).click()
        expect(bar.get_by_role("status")).to_have_text(
            "A YouTube video could not play: the YouTube player could not be loaded "
            "(the network or the browser refused it)."
        )
    expect(page.get_by_role("region", name="Video player")).to_be_hidden()
