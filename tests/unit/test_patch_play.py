"""A heavy patch played like a track: its web build read, its controls, its level, its queue item,
and the studio's Play button and the player bar's sliders against a fake page and adapter."""

import asyncio
import io
import json
import zipfile

import pytest
from canned import json_answer
from fake_page import FakePage
from fake_ports import fake_ports
from player_harness import TRACKS, Harness
from ui_state import app_state

from app.api.errors import NotFound
from app.api.transport import Request, Response
from app.api.transports.mock import MockTransport
from app.heavy.client import HeavyClient
from app.heavy.models import CompileMessage, Job
from app.heavy.web_build import (
    PlayLink,
    WebBuildError,
    WebParam,
    newest_play_link,
    play_link,
    read_web_build,
)
from app.player.controller import Unplayable
from app.player.events import Paused, Playing, Progress
from app.player.patch_builds import BuildCache
from app.player.patch_controls import (
    FLOOR_DB,
    Control,
    controls_for,
    decibels,
    level_text,
    peak,
    step_for,
    value_for,
)
from app.player.patch_item import PATCH, PatchItem
from app.player.sources import Sources
from app.ui.components.patch_player import actions, show_level
from app.ui.components.player_bar import PLAYER_ACTIONS, player_changed
from app.ui.core.app import App

MANIFEST = {
    "name": "sine",
    "cName": "sine",
    "wasm": "sine.wasm",
    "inputs": 0,
    "outputs": 2,
    "params": [{"name": "freq", "hash": 878690312, "min": 20.0, "max": 2000.0, "default": 440.0}],
}
URL = "/heavy/h/demo/sine/1/web/local/archive.zip"
FREQ = Control("freq", 20.0, 2000.0, 440.0, 10.0, "range")


def archive(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as built:
        for name, content in members.items():
            built.writestr(name, content)
    return buffer.getvalue()


def web_archive(manifest: object = MANIFEST) -> bytes:
    files = {"patch.json": json.dumps(manifest).encode(), "sine.wasm": b"\0asm", "heavy-worklet.js": b"//"}
    return archive(files)


def test_a_web_build_gives_its_module_worklet_and_parameters_as_hvcc_exported_them() -> None:
    build = read_web_build(web_archive())
    assert (build.name, build.wasm, build.worklet) == ("sine", b"\0asm", "//")
    assert build.params == (WebParam("freq", 20.0, 2000.0, 440.0),)
    assert build.manifest["params"][0]["hash"] == 878690312


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip", "not a readable zip archive"),
        (archive({"sine.wasm": b""}), "has no patch.json"),
        (web_archive({**MANIFEST, "wasm": "other.wasm"}), "has no other.wasm"),
        (web_archive(["not", "an", "object"]), "patch.json cannot be read"),
        (web_archive({**MANIFEST, "params": [{"name": "freq"}]}), "patch.json cannot be read"),
    ],
)
def test_a_broken_web_build_says_what_is_wrong(data: bytes, message: str) -> None:
    with pytest.raises(WebBuildError, match=message):
        read_web_build(data)


def version(index: int, *errors: str) -> Job:
    return Job(
        id=f"demo/sine/{index}",
        index=index,
        release="dev",
        submitted_at=None,
        compile_time=0.1,
        html=f"/heavy/h/demo/sine/{index}",
        errors=tuple(map(CompileMessage, errors)),
    )


def test_a_compiled_version_plays_from_its_web_build_and_a_failed_one_has_none() -> None:
    build = "/heavy/h/demo/sine/3/web/local/archive.zip"
    assert play_link("demo", "sine", version(3)) == PlayLink("demo", "sine", 3, build)
    assert play_link("demo", "sine", version(3, "Unknown object")) is None


def test_a_patch_plays_its_newest_version_that_compiled() -> None:
    jobs = [version(3, "Unknown object"), version(2), version(1)]
    assert newest_play_link("demo", "sine", jobs).version == 2
    assert newest_play_link("demo", "sine", jobs[:1]) is None and newest_play_link("demo", "sine", []) is None


def test_a_slider_steps_by_about_a_hundredth_of_its_range_and_lands_on_the_default() -> None:
    assert step_for(20, 2000, 440) == 10
    assert step_for(0, 1, 0.5) == pytest.approx(0.01)
    assert step_for(200, 8000, 1800) == 50
    assert step_for(60, 200, 120) == 1
    assert step_for(0, 100, 33.3) == pytest.approx(0.1)
    assert step_for(0, 1, 1 / 3) is None
    assert step_for(1, 1, 1) is None


def test_a_parameter_with_a_range_gets_a_slider_and_one_without_a_number_field() -> None:
    assert controls_for([WebParam("freq", 20, 2000, 440), WebParam("fixed", 1, 1, 1)]) == (
        FREQ,
        Control("fixed", 1, 1, 1, None, "number"),
    )


def test_values_sent_stay_in_the_range_and_junk_is_not_sent() -> None:
    assert [value_for(FREQ, text) for text in ("1000", "5", "1e9", "", "abc", "nan", "inf")] == [
        1000.0,
        20.0,
        2000.0,
        None,
        None,
        None,
        None,
    ]
    assert value_for(Control("fixed", 1, 1, 1, None, "number"), "-7.5") == -7.5


def test_the_level_reads_in_decibels_down_to_a_floor_called_silent() -> None:
    assert peak([0.05, -0.1, 0.02]) == 0.1 and peak([]) == 0.0
    assert decibels(1.0) == 0.0 and decibels(0.1) == pytest.approx(-20.0)
    assert decibels(0.0) == decibels(1e-9) == FLOOR_DB
    assert level_text(decibels(0.1)) == "\u221220 dB"
    assert level_text(-0.2) == "0 dB" and level_text(FLOOR_DB) == "silent"


def test_a_patch_in_the_queue_reads_like_a_track_and_keeps_its_settings() -> None:
    item = PatchItem("demo", "sine", 1, URL, (FREQ,))
    assert (item.id, item.name, item.user_name, item.image) == ("heavy:demo/sine/1", "sine", "demo", None)
    assert item.value(FREQ) == 440.0
    item.settings["freq"] = 1000.0
    assert item.value(FREQ) == 1000.0 and item.control("freq") is FREQ and item.control("gain") is None
    assert item == PatchItem("demo", "sine", 1, URL, (FREQ,)) and hash(item)


def test_sources_give_patches_to_the_patch_adapter_and_tracks_to_theirs() -> None:
    made = []
    sources = Sources({PATCH: lambda: made.append("patch") or "patch adapter", "fi": lambda: "audio adapter"})
    item = PatchItem("demo", "sine", 1, URL)
    assert sources(item) == sources(PatchItem("demo", "arpeggio", 2, URL)) == "patch adapter"
    assert made == ["patch"]
    assert sources(TRACKS[0]) == "audio adapter"
    assert isinstance(sources(type("Track", (), {"eid": "/yt/abc"})()), Unplayable)


def test_a_patch_plays_with_no_duration_and_no_play_log() -> None:
    h = Harness()
    h.player.play_list([PatchItem("demo", "sine", 1, URL)])
    h.report(Playing(h.now))
    h.report(Progress(h.now + 3, 3.0))
    assert h.player.playing and h.player.position == 3.0 and h.player.duration is None
    h.report(Paused(h.now + 4))
    assert not h.player.playing and h.sent == []


def heavy(builds: dict[str, bytes]) -> tuple[HeavyClient, list[str]]:
    """The heavy client, its downloads answered as the service answers them: a build's archive by
    its URL, heavy's 404 for any other; and the URLs it asked for."""
    asked: list[str] = []

    def answer(request: Request) -> Response:
        asked.append(request.url)
        if request.url in builds:
            return Response(200, builds[request.url], (("content-type", "application/zip"),))
        return json_answer({"errors": [{"status": "404", "detail": "There is no such version."}]}, 404)

    return HeavyClient("./heavy", MockTransport(answer)), asked


def test_builds_are_downloaded_once_and_only_the_latest_few_kept() -> None:
    client, asked = heavy({f"/b/{n}": web_archive() for n in range(3)})
    cache = BuildCache(client, keep=2)

    def load(url: str) -> object:
        return asyncio.run(cache.load(url))

    assert load("/b/0") is load("/b/0")
    load("/b/1")
    load("/b/2")
    load("/b/1")
    load("/b/0")
    assert asked == ["/b/0", "/b/1", "/b/2", "/b/0"]
    with pytest.raises(NotFound):
        load("/b/missing")


class FakePatches:
    def __init__(self, client: HeavyClient) -> None:
        self.cache = BuildCache(client)
        self.sent: list[tuple[str, float]] = []

    async def build(self, url: str) -> object:
        return await self.cache.load(url)

    def set_param(self, name: str, value: float) -> None:
        self.sent.append((name, value))


def patch_app(answers: dict[str, bytes]) -> tuple[App, FakePage, FakePatches, Harness]:
    page = FakePage()
    harness = Harness(on_change=lambda change: player_changed(app, change))
    patches = FakePatches(heavy(answers)[0])
    app = App(
        fake_ports(page), app_state(player=harness.player), {**PLAYER_ACTIONS, **actions(lambda: patches)}
    )
    app.mount()
    return app, page, patches, harness


def act(app: App, name: str, **data: str) -> None:
    asyncio.run(app.act(name, data))
    assert not app.page.errors


def test_play_queues_the_version_after_the_current_track_with_its_parameters_and_plays_it() -> None:
    app, page, _, harness = patch_app({URL: web_archive()})
    harness.player.play_list(TRACKS)
    act(app, "heavy-play", owner="demo", patch="sine", version="1", url=URL)
    queue = harness.player.queue
    assert [entry.item.name for entry in queue.entries] == ["Track 0", "sine", "Track 1", "Track 2"]
    item = harness.player.current.item
    assert item == PatchItem("demo", "sine", 1, URL, (FREQ,)) and harness.adapter.loaded[-1] is item
    assert page.texts["play-status"] == "" and page.texts["announcer"].startswith("sine plays")
    bar = page.regions["player"]
    assert 'aria-label="Controls of sine"' in bar and 'id="patch-param-freq"' in bar and 'step="10"' in bar


def test_a_version_without_a_playable_build_says_why_beside_the_button() -> None:
    app, page, _, harness = patch_app({"/broken": b"not a zip"})
    act(app, "heavy-play", owner="demo", patch="sine", version="1", url=URL)
    assert page.texts["play-status"] == "Version 1 cannot play here: There is no such version."
    act(app, "heavy-play", owner="demo", patch="sine", version="2", url="/broken")
    assert page.texts["play-status"].startswith("Version 2 cannot play here: The web build is not a readable")
    assert harness.player.current is None


def test_a_slider_sends_its_value_within_range_and_the_bar_keeps_it_when_redrawn() -> None:
    app, page, patches, harness = patch_app({URL: web_archive()})
    act(app, "heavy-play", owner="demo", patch="sine", version="1", url=URL)
    act(app, "patch-param", param="freq", value="1000")
    act(app, "patch-param", param="freq", value="99999")
    act(app, "patch-param", param="freq", value="")
    act(app, "patch-param", param="gain", value="1")
    assert patches.sent == [("freq", 1000.0), ("freq", 2000.0)]
    assert page.texts["patch-param-freq-value"] == "2000"
    harness.report(Playing(harness.now))
    assert 'value="2000.0"' in page.regions["player"].split('id="patch-param-freq"')[1].split(">")[0]


def test_sliders_do_nothing_when_a_track_plays() -> None:
    app, _, patches, harness = patch_app({})
    harness.player.play_list(TRACKS)
    act(app, "patch-param", param="freq", value="1000")
    assert patches.sent == [] and "patch-controls" not in app.page.regions["player"]


def test_the_meter_shows_the_level_in_decibels() -> None:
    _, page, _, _ = patch_app({})
    show_level(page, -20.04)
    assert (page.texts["patch-level"], page.texts["patch-level-text"]) == ("-20.0", "\u221220 dB")
