"""What the system's media controls show of the item playing, through a fake Media Session port,
and what its keys do."""

import asyncio
from urllib.parse import unquote

from fake_page import FakePage
from fake_ports import fake_ports
from player_harness import Harness
from ui_state import app_state

from app.openwhyd.models import Track
from app.player.events import Paused, Playing, Progress
from app.ui.components.media_session import artist_and_title, cover
from app.ui.components.player_bar import MEDIA_KEYS, PLAYER_ACTIONS, player_changed
from app.ui.core.app import App

NAMED = Track(id="p1", eid="/fi/a.mp3", name="Daft Punk - Around the World", user_name="ada")
PLAIN = Track(id="p2", eid="/fi/b.mp3", name="field recording", user_name="ada", image="/img/post/p2")


def media_app() -> tuple[App, FakePage, Harness]:
    page = FakePage()
    harness = Harness(on_change=lambda change: player_changed(app, change))
    app = App(fake_ports(page), app_state(player=harness.player), PLAYER_ACTIONS)
    app.mount()
    return app, page, harness


def test_artist_and_title_come_from_the_name_else_the_poster_is_the_artist() -> None:
    assert artist_and_title("Daft Punk - Around the World", "ada") == ("Daft Punk", "Around the World")
    assert artist_and_title("Sigur Rós \u2013 Hoppípolla", "ada") == ("Sigur Rós", "Hoppípolla")
    assert artist_and_title("field recording", "ada") == ("ada", "field recording")
    assert artist_and_title("- untitled", "ada") == ("ada", "- untitled")


def test_the_system_shows_the_track_its_picture_or_a_cover_and_where_it_is() -> None:
    _, page, harness = media_app()
    harness.player.play_list([NAMED, PLAIN])
    metadata, playing = page.now_playing
    assert (metadata["artist"], metadata["title"], playing) == ("Daft Punk", "Around the World", False)
    assert metadata["artwork"] == cover(NAMED.name) and "<svg" in unquote(metadata["artwork"])
    harness.report(Playing(harness.now, 200.0))
    assert page.now_playing[1] is True
    harness.report(Progress(harness.now + 30, 30.0, 200.0))
    assert page.position == (30.0, 200.0)

    harness.player.next()
    metadata, _ = page.now_playing
    assert (metadata["artist"], metadata["title"]) == ("ada", "field recording")
    assert metadata["artwork"] == "./openwhyd/img/post/p2"
    assert page.position == (0.0, None), "the next item's duration is not known yet"


def test_the_system_keys_play_pause_and_seek() -> None:
    app, page, harness = media_app()
    harness.player.play_list([NAMED])
    harness.report(Playing(harness.now, 200.0))
    assert {"seekto", "seekbackward", "seekforward", "play", "pause", "nexttrack", "previoustrack"} <= set(
        MEDIA_KEYS
    )

    async def press(key: str, details: dict[str, str]) -> None:
        await app.act(MEDIA_KEYS[key], details)

    asyncio.run(press("seekto", {"value": "42.5"}))
    assert harness.adapter.commands[-1] == ("seek", 42.5) and page.position == (42.5, 200.0)
    asyncio.run(press("play", {}))  # already playing: nothing to do
    assert harness.adapter.commands[-1] == ("seek", 42.5)
    asyncio.run(press("pause", {}))
    harness.report(Paused(harness.now + 1))
    asyncio.run(press("pause", {}))  # already paused: a pause key must not start it again
    assert harness.adapter.commands[-1] == ("pause",) and harness.adapter.commands.count(("pause",)) == 1
    asyncio.run(press("play", {}))
    assert harness.adapter.commands[-1] == ("play",)
    asyncio.run(press("seekforward", {}))
    assert harness.adapter.commands[-1][0] == "seek" and harness.adapter.commands[-1][1] > 42.5
