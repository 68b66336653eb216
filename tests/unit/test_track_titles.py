"""The title suggested for a track added by its link: what its site says, asked through the
transport it is given, else what the link says; and how the add-track form shows and posts it."""

import asyncio

import pytest
from canned import OpenwhydAnswers, json_answer, scripted
from fake_page import FakePage
from fake_ports import fake_ports
from ui_state import app_state

from app.api.errors import TransportError
from app.openwhyd.models import User
from app.openwhyd.track_titles import TrackTitles, title_from_link
from app.ui.core.app import App
from app.ui.core.router import match
from app.ui.core.state import Services
from app.ui.screens.openwhyd import add_track
from app.ui.screens.openwhyd.bookmarklet import bookmarklet_code

ME = User.from_json({"_id": "000000000000000000000002", "name": "dummy", "pl": []})


@pytest.mark.parametrize(
    ("eid", "title"),
    [
        ("/sc/daft-punk/around_the-world", "daft punk - around the world"),
        ("/bc/someband/first-song#https://x/s.mp3", "someband - first song"),
        ("/fi/https://host/music/my_song-final%20mix.mp3", "My song final mix"),
        ("/sc/tracks/123", ""),
        ("/yt/abc", ""),
    ],
)
def test_a_link_says_what_it_can_of_its_title(eid: str, title: str) -> None:
    assert title_from_link(eid) == title
    assert asyncio.run(TrackTitles().suggest(eid)) == title


@pytest.mark.parametrize(
    ("eid", "asked", "answer", "title"),
    [
        (
            "/yt/XdJVWSqb4Ck",
            "https://www.youtube.com/oembed?format=json&url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DXdJVWSqb4Ck",
            {"title": "  Lullaby\\n (live) "},
            "Lullaby\\n (live)",
        ),
        ("/vi/123", "https://vimeo.com/api/v2/video/123.json", [{"title": "A film"}], "A film"),
        (
            "/dm/x8abc",
            "https://www.dailymotion.com/services/oembed?format=json&url=https%3A%2F%2Fwww.dailymotion.com%2Fvideo%2Fx8abc",
            {"title": "A clip"},
            "A clip",
        ),
        (
            "/dz/3135556",
            "https://api.deezer.com/track/3135556",
            {"title": "One", "artist": {"name": "Two"}},
            "Two - One",
        ),
    ],
)
def test_a_site_that_answers_names_its_track(eid: str, asked: str, answer: object, title: str) -> None:
    transport, sent = scripted(json_answer(answer))
    assert asyncio.run(TrackTitles(transport).suggest(eid)) == title
    [request] = sent
    assert request.full_url == asked and request.method == "GET" and request.timeout == 4.0


@pytest.mark.parametrize(
    "reply",
    [TransportError("CORS"), json_answer({"error": "x"}, 404), json_answer(["no title"]), json_answer({})],
)
def test_a_site_that_cannot_be_read_leaves_the_links_title(reply: object) -> None:
    transport, sent = scripted(reply, reply)
    assert asyncio.run(TrackTitles(transport).suggest("/sc/artist/song")) == "artist - song"
    assert sent == []  # SoundCloud is not asked
    assert asyncio.run(TrackTitles(transport).suggest("/fi/https://h/a_b.ogg")) == "A b"
    assert asyncio.run(TrackTitles(transport).suggest("/yt/abc")) == ""
    assert len(sent) == 1


def state_with(service: OpenwhydAnswers, titles: TrackTitles | None = None):
    state = app_state(services=Services(service.client, None, titles or TrackTitles()))
    state.session.openwhyd_user = ME
    return state


def test_the_form_suggests_the_sites_title_unless_the_bookmarklet_gave_one() -> None:
    service = OpenwhydAnswers({f"GET /u/{ME.id}/playlists": []})
    transport, sent = scripted(json_answer({"title": "From oEmbed"}))
    state = state_with(service, TrackTitles(transport))
    html = asyncio.run(add_track.show(match("#/add?url=https://youtu.be/abc123"), state)).html
    assert 'value="From oEmbed"' in html and len(sent) == 1
    location = "#/add?url=https://youtu.be/abc123&name=Given&ctx=bk&refUrl=https://a.example/p&refTtl=A+page"
    html = asyncio.run(add_track.show(match(location), state)).html
    assert 'value="Given"' in html and len(sent) == 1
    assert html.count('name="ctx" value="bk"') == 2 and html.count('name="refTtl" value="A page"') == 2


def test_posting_from_the_bookmarklet_sends_its_context_and_the_page() -> None:
    service = OpenwhydAnswers(
        {
            f"GET /u/{ME.id}/playlists": [],
            "POST /api/post insert": {"_id": "p1", "eId": "/yt/abc123", "name": "Song", "uId": ME.id},
        }
    )
    page = FakePage()
    app = App(fake_ports(page), state_with(service))
    app.current = match("#/add")
    form = {"url": "https://youtu.be/abc123", "name": " Song ", "ctx": "bk", "refUrl": "https://a.example/p"}
    asyncio.run(app.act("add-track", {**form, "refTtl": "A page", "playlist": ""}))
    [(route, body)] = service.sent()
    assert route == "POST /api/post insert"
    assert body == {
        "eId": "/yt/abc123",
        "name": "Song",
        "text": "",
        "ctx": "bk",
        "src": {"id": "https://a.example/p", "name": "A page"},
    }
    assert page.locations == ["#/t/p1"]


def test_a_missing_title_is_said_at_the_title_field() -> None:
    service = OpenwhydAnswers({f"GET /u/{ME.id}/playlists": []})
    page = FakePage()
    app = App(fake_ports(page), state_with(service))
    asyncio.run(app.show("#/add?url=https://youtu.be/abc123"))
    asyncio.run(app.act("add-track", {"url": "https://youtu.be/abc123", "name": "  "}))
    html = page.regions["main"]
    assert 'aria-invalid="true" aria-describedby="add-name-error"' in html
    assert (
        '<p class="form-error" role="alert" id="add-name-error" tabindex="-1">Give the track a title.</p>'
        in html
    )
    assert page.focused[-1] == "add-name-error" and service.sent() == []


def test_the_bookmarklet_loads_its_script_from_the_apps_own_address() -> None:
    code = bookmarklet_code("https://tonearm.example/app/index.html")
    assert code.startswith("javascript:(function(){")
    assert "s.src='https://tonearm.example/app/static/js/bookmarklet.js?'+Date.now();" in code
