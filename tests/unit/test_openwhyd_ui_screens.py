"""The Openwhyd screens and their actions against the client over canned answers and a fake page:
what shows, what is escaped, what is sent, where focus goes and what is announced."""

import asyncio

from canned import OpenwhydAnswers, json_answer
from fake_page import FakePage
from fake_ports import FakeDownloads, fake_ports
from ui_state import app_state

from app.api.errors import Timeout
from app.api.transport import Request, Response
from app.openwhyd import paths
from app.openwhyd.client import OpenwhydClient
from app.openwhyd.export import FORMATS
from app.openwhyd.models import Track, User
from app.ui.components.export_menu import PAGE_SIZE, Export, export_tracks, filename
from app.ui.core.actions import APP_ACTIONS
from app.ui.core.app import App
from app.ui.core.router import match
from app.ui.core.state import AppState, Services
from app.ui.screens.openwhyd import add_track, home, playlist, stream, track

ADMIN_ID, DUMMY_ID = "000000000000000000000001", "000000000000000000000002"
POST_ID = "6b0000000000000000000001"
ADMIN_JSON = {"_id": ADMIN_ID, "name": "admin", "handle": "admin", "pl": [{"id": 0, "name": "Tones"}]}
DUMMY_JSON = {"_id": DUMMY_ID, "name": "dummy", "handle": "dummy"}
ADMIN, DUMMY = User.from_json(ADMIN_JSON), User.from_json(DUMMY_JSON)
POST_JSON = {
    "_id": POST_ID,
    "eId": "/yt/abc",
    "name": "<i>Song</i>",
    "uId": ADMIN_ID,
    "uNm": "admin",
    "text": "for @dummy <script>x</script>",
    "lov": [DUMMY_ID],
    "comments": [
        {"_id": "c1", "pId": POST_ID, "uId": DUMMY_ID, "uNm": "dummy", "text": "nice @admin"},
        {"_id": "c2", "pId": POST_ID, "uId": ADMIN_ID, "uNm": "admin", "text": "<b>thanks</b>"},
    ],
}
POST = Track.from_json(POST_JSON)
TONES = [{"_id": f"t{n}", "eId": "/fi//a.wav", "name": f"Tone {n}", "uId": ADMIN.id} for n in range(3)]
PLAYLIST = f"GET {paths.playlist_path(ADMIN.id, 0)}"


def playlist_pages(posts: list[dict]):
    """Answers a playlist's pages as Openwhyd does: `limit` posts after `after`, and one more when
    there are more."""

    def answer(request: Request) -> list[dict]:
        query = dict(request.params)
        ids = [post["_id"] for post in posts]
        start = ids.index(query["after"]) + 1 if "after" in query else 0
        return posts[start : start + int(query["limit"]) + 1]

    return answer


def openwhyd(refusing: str = "") -> OpenwhydAnswers:
    """The admin's playlist of TONES, which a new order rearranges (or which `refusing` refuses)."""
    tones = list(TONES)

    def set_order(request: Request) -> Response:
        if refusing:
            return json_answer({"error": refusing})
        tones[:] = [next(post for post in tones if post["_id"] == pid) for pid in request.json["order"]]
        return json_answer({"ok": 1})

    return OpenwhydAnswers(
        {
            f"GET {paths.post_path(POST.id)}": {"data": POST_JSON},
            "POST /api/post lovers": [{"id": DUMMY.id, "name": "dummy"}],
            f"GET {paths.playlists_path(ADMIN.id)}": ADMIN_JSON["pl"],
            f"GET {paths.playlists_path(DUMMY.id)}": ADMIN_JSON["pl"],
            "GET /api/user": ADMIN_JSON,
            "GET /stream": [POST_JSON],
            "POST /login logout": {},
            "POST /api/playlist setOrder": set_order,
            PLAYLIST: playlist_pages(tones),
        }
    )


class StrictPage(FakePage):
    """These screens must never log an error: one fails the test at once."""

    def log_error(self, text: str) -> None:
        raise AssertionError(text)


def state_of(me: User | None, client: OpenwhydClient | None = None) -> AppState:
    state = app_state(services=Services(client or openwhyd().client, None))
    state.session.openwhyd_user = me
    return state


def shown(location: str, me: User | None, client: OpenwhydClient | None = None) -> str:
    target = match(location)
    view = {"track": track, "add-track": add_track, "home": home, "playlist-arrange": playlist}[target.name]
    return asyncio.run(view.show(target, state_of(me, client))).html


def test_a_track_page_escapes_what_people_wrote_and_links_mentions() -> None:
    html = shown(f"#/t/{POST.id}", DUMMY)
    assert "&lt;i&gt;Song&lt;/i&gt;" in html and "<i>" not in html
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert '<a class="mention" href="#/u/dummy">@dummy</a>' in html
    assert '<a class="mention" href="#/u/admin">@admin</a>' in html
    assert "&lt;b&gt;thanks&lt;/b&gt;" in html


def test_on_someone_elses_track_you_like_repost_and_delete_only_your_comments() -> None:
    html = shown(f"#/t/{POST.id}?ctx=hot", DUMMY)
    assert 'aria-pressed="true"' in html  # dummy likes it
    assert 'data-action="repost"' in html and 'name="ctx" value="hot"' in html
    assert html.count('data-action="delete-comment"') == 1 and 'data-comment="c1"' in html
    assert 'data-action="delete-track"' not in html and "/edit" not in html


def test_on_your_own_track_you_edit_delete_and_remove_any_comment() -> None:
    html = shown(f"#/t/{POST.id}?ctx=elsewhere", ADMIN)
    assert 'data-action="delete-track"' in html and f"#/t/{POST.id}/edit" in html
    assert html.count('data-action="delete-comment"') == 2
    assert 'data-action="repost"' not in html


def test_signed_out_a_track_page_counts_likes_and_invites_to_sign_in() -> None:
    html = shown(f"#/t/{POST.id}", None)
    assert 'data-action="toggle-love"' not in html and 'data-action="add-comment"' not in html
    assert f"#/login?next=%23%2Ft%2F{POST.id}" in html


def test_add_explains_links_it_cannot_take() -> None:
    html = shown("#/add?url=https://example.com/page", ADMIN)
    assert add_track.UNSUPPORTED in html and 'aria-invalid="true"' in html and 'name="name"' not in html
    target = match("#/add?url=https://youtu.be/abc123&pl=0")
    screen = asyncio.run(add_track.show(target, state_of(ADMIN)))
    assert screen.focus == "add-name"
    assert 'value="0" selected' in screen.html and "YouTube track" in screen.html


def test_home_shows_the_stream_to_the_signed_in_only() -> None:
    assert "Your stream" in shown("#/", ADMIN) and "Music from Openwhyd" not in shown("#/", ADMIN)
    assert "Music from Openwhyd" in shown("#/", None)
    assert stream.activity(POST) == "1 like · 2 comments"


def test_rearranging_shows_move_buttons_the_ends_disabled() -> None:
    html = shown("#/u/admin/playlists/0/arrange", ADMIN)
    assert 'id="move-up-t0"' in html
    assert 'aria-label="Move Tone 0 up" aria-describedby="arrange-help" disabled' in html
    assert 'aria-label="Move Tone 2 down" aria-describedby="arrange-help" disabled' in html
    assert 'data-drop-action="move-track"' in html


def started(location: str, client: OpenwhydClient) -> tuple[App, StrictPage]:
    page = StrictPage()
    app = App(fake_ports(page), state_of(ADMIN, client))
    asyncio.run(app.show(location, focus=False))
    return app, page


def test_a_screen_says_where_focus_goes_when_it_is_navigated_to() -> None:
    page = StrictPage()
    app = App(fake_ports(page), state_of(ADMIN))
    asyncio.run(app.show("#/add?url=https://vimeo.com/123"))
    asyncio.run(app.show("#/add"))
    assert page.focused == ["add-name", "add-url"]


def test_the_header_search_goes_to_the_results() -> None:
    page = StrictPage()
    app = App(fake_ports(page), state_of(None), APP_ACTIONS)
    asyncio.run(app.act("search", {"q": "  tiny desk "}))
    asyncio.run(app.act("search", {"q": " "}))
    assert page.locations == ["#/search?q=tiny+desk", "#/search"]


def test_signing_out_on_the_home_screen_shows_it_again_without_the_stream() -> None:
    service = openwhyd()
    page = StrictPage()
    app = App(fake_ports(page), state_of(ADMIN, service.client), APP_ACTIONS)
    asyncio.run(app.show("#/"))
    assert "Your stream" in page.regions["main"]
    asyncio.run(app.act("openwhyd-sign-out", {}))
    assert service.sent() == [("POST /login logout", {"ajax": 1})] and page.locations == []
    assert "Music from Openwhyd" in page.regions["main"]


def test_a_move_saves_the_whole_order_keeps_focus_and_announces() -> None:
    service = openwhyd()
    app, page = started("#/u/admin/playlists/0/arrange", service.client)
    data = {"list": f"playlist:{ADMIN.id}:0", "playlist": "0", "from": "0", "to": "2"}
    asyncio.run(app.act("move-track", data))
    assert service.sent() == [("POST /api/playlist setOrder", {"id": "0", "order": ["t1", "t2", "t0"]})]
    assert page.focused == ["move-up-t0"]
    assert page.texts["announcer"] == "Tone 0 is now at position 3 of 3."
    assert page.regions["main"].index("Tone 1") < page.regions["main"].index("Tone 0")


def test_a_refused_move_changes_nothing_and_says_why() -> None:
    app, page = started("#/u/admin/playlists/0/arrange", openwhyd(refusing="Try later.").client)
    data = {"list": f"playlist:{ADMIN.id}:0", "playlist": "0", "from": "1", "to": "0"}
    asyncio.run(app.act("move-track", data))
    assert 'id="playlist-error"' in page.regions["main"] and "Try later." in page.regions["main"]
    assert page.focused == ["playlist-error"]
    assert page.regions["main"].index("Tone 0") < page.regions["main"].index("Tone 1")


def test_an_export_walks_the_whole_list_and_saves_one_file() -> None:
    downloads = FakeDownloads()
    page = StrictPage()
    app = App(fake_ports(page, downloads=downloads), state_of(None))
    data = {"format": "M3U", "source": "playlist", "user": ADMIN.id, "playlist": "0", "title": "Road: trip/2"}
    asyncio.run(export_tracks(app, Export(**data)))
    [(name, content, mime)] = downloads.saved
    assert (name, mime) == ("Road- trip-2.m3u8", "audio/x-mpegurl")
    assert content.decode().count("#EXTINF") == 3
    assert page.texts["export-status"] == "Exported 3 tracks as M3U."


def test_an_export_that_fails_midway_saves_nothing_and_says_how_far_it_got() -> None:
    downloads = FakeDownloads()
    service = openwhyd()
    long_list = [{**TONES[0], "_id": f"t{n}"} for n in range(PAGE_SIZE + 2)]
    first_page = playlist_pages(long_list)

    def refuse_the_second(request: Request) -> Response | list[dict]:
        if dict(request.params).get("after"):
            return json_answer({"error": "Too many requests."}, 429)
        return first_page(request)

    service.routes[PLAYLIST] = refuse_the_second
    page = StrictPage()
    app = App(fake_ports(page, downloads=downloads), state_of(None, service.client))
    data = {"format": "CSV", "source": "playlist", "user": ADMIN.id, "playlist": "0", "title": "x"}
    asyncio.run(export_tracks(app, Export(**data)))
    assert downloads.saved == []
    assert page.texts["export-status"] == f"The export stopped after {PAGE_SIZE} tracks: Too many requests."


def test_export_file_names_keep_the_title_readable() -> None:
    assert filename("admin likes", FORMATS["JSON"]) == "admin likes.json"
    assert filename("../../etc", FORMATS["CSV"]) == "etc.csv"
    assert filename("???", FORMATS["XSPF"]) == "tracks.xspf"


def test_a_form_that_comes_without_a_field_says_so_beside_it_and_keeps_the_screen() -> None:
    service = openwhyd()
    app, page = started(f"#/t/{POST.id}", service.client)
    screen, asked = page.regions["main"], service.sent(None)
    assert '<div id="comment-feedback">' in screen
    asyncio.run(app.act("add-comment", {"text": "nice"}))
    assert page.regions["main"] == screen
    assert "This form came without its “post”" in page.regions["comment-feedback"]
    assert 'role="alert" id="comment-error"' in page.regions["comment-feedback"]
    assert page.focused[-1] == "comment-error" and service.sent(None) == asked


def test_a_screen_says_when_the_server_did_not_answer_in_time() -> None:
    service = openwhyd()
    service.routes[f"GET {paths.post_path(POST.id)}"] = Timeout(30)
    html = shown(f"#/t/{POST.id}", DUMMY, service.client)
    assert "This track could not be loaded" in html
    assert "The server did not answer in 30 s" in html
