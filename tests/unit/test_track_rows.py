"""Like and Repost from a list's rows and from the player bar: what is sent, the buttons drawn again
in place (and in every row of the same track, and in the player bar), and signed out, the sign-in."""

import asyncio

from canned import OpenwhydAnswers
from fake_page import FakePage
from fake_ports import fake_ports
from ui_state import app_state

from app.openwhyd.models import Track, User
from app.ui.components.track_rows import ACTIONS
from app.ui.core.app import App
from app.ui.core.templates import render

ME = User.from_json({"_id": "000000000000000000000002", "name": "dummy"})
# Object ids whose first 4 bytes are their time: 2026-05-29 09:07:03 UTC, 3 days before the tests' clock.
SONG = Track.from_json(
    {"_id": "6a1957370000000000000001", "eId": "/yt/abc", "name": "Song", "uId": "a", "nbP": 1}
)
MINE = Track.from_json({"_id": "6a1957370000000000000002", "eId": "/yt/def", "name": "Mine", "uId": ME.id})


def app_with(me: User | None, answers: dict | None = None) -> tuple[App, FakePage, OpenwhydAnswers]:
    service = OpenwhydAnswers(
        {
            "POST /api/post toggleLovePost": {"loved": True, "lovers": 4},
            "POST /api/post insert": {"_id": "new", "eId": "/yt/abc", "uId": ME.id},
            **(answers or {}),
        }
    )
    state = app_state()
    state.services.openwhyd = service.client
    state.session.openwhyd_user = me
    page = FakePage()
    app = App(fake_ports(page), state, ACTIONS)
    app.location = "#/hot"
    state.lists["hot"] = (SONG, MINE)
    state.lists["stream"] = (MINE, SONG)
    return app, page, service


def rows(app: App, key: str) -> str:
    tracks = app.state.lists[key]
    return render("track_list.html", tracks=tracks, list_key=key, extra=None, viewer=app.state.viewer())


def test_a_row_shows_when_the_track_was_posted_its_plays_and_its_buttons() -> None:
    app, _, _ = app_with(ME)
    html = rows(app, "hot")
    assert '<time datetime="2026-05-29T09:07:03Z" title="29 May 2026, 09:07 UTC">3 days ago</time>' in html
    assert "1 play<" in html
    assert 'id="like-hot-0"' in html and 'aria-label="Like Song, 0 likes"' in html
    assert 'id="repost-hot-0"' in html and 'id="repost-hot-1"' not in html  # one's own: no repost


def test_liking_from_a_row_redraws_every_row_of_the_track_in_place() -> None:
    app, page, service = app_with(ME)
    asyncio.run(app.act("row-love", {"list": "hot", "index": "0"}))
    assert service.sent() == [("POST /api/post toggleLovePost", {"pId": SONG.id})]
    for region in ("like-hot-0", "like-stream-1"):
        assert 'aria-pressed="true"' in page.regions[region] and ">4</button>" in page.regions[region]
    assert page.focused == ["like-hot-0"]
    assert page.texts["announcer"] == "You like Song."
    assert 'aria-pressed="true"' in rows(app, "hot")  # and rows drawn later


def test_reposting_from_a_row_posts_a_repost_once() -> None:
    app, page, service = app_with(ME)
    for _ in range(2):
        asyncio.run(app.act("row-repost", {"list": "stream", "index": "1"}))
    assert service.sent() == [("POST /api/post insert", {"pId": SONG.id, "text": ""})]
    assert 'aria-label="Reposted Song"' in page.regions["repost-stream-1"]
    assert page.texts["announcer"] == "You reposted Song already."


def test_signed_out_a_row_button_asks_to_sign_in_and_comes_back() -> None:
    app, page, service = app_with(None)
    asyncio.run(app.act("row-love", {"list": "hot", "index": "0"}))
    assert service.requests == [] and page.locations == ["#/login?next=%23%2Fhot"]
    assert page.texts["announcer"] == "Sign in to like tracks."


def test_the_player_bar_likes_the_track_playing_and_shows_it() -> None:
    app, page, service = app_with(ME)
    app.state.player.play_list([SONG])
    asyncio.run(app.act("player-love", {}))
    assert service.sent() == [("POST /api/post toggleLovePost", {"pId": SONG.id})]
    assert 'id="player-like"' in page.regions["player"] and 'aria-pressed="true"' in page.regions["player"]
    assert "like-hot-0" in page.regions and page.focused == ["player-like"]
