"""The Openwhyd screens and their actions against a fake client and page: what shows, what is escaped,
what is called, where focus goes and what is announced."""

import asyncio

from fake_page import FakePage
from fake_ports import FakeDownloads, fake_ports
from ui_state import app_state

from app.api.errors import ApiError
from app.openwhyd.export import FORMATS
from app.openwhyd.models import Comment, Playlist, Track, TrackPage, User, UserRef
from app.ui.components.export_menu import Export, export_tracks, filename
from app.ui.core.actions import APP_ACTIONS
from app.ui.core.app import App
from app.ui.core.router import match
from app.ui.core.state import AppState, Services
from app.ui.screens.openwhyd import add_track, home, playlist, stream, track

ADMIN = User("000000000000000000000001", "admin", handle="admin", playlists=(Playlist(0, "Tones"),))
DUMMY = User("000000000000000000000002", "dummy", handle="dummy")
POST = Track(
    id="6b0000000000000000000001",
    eid="/yt/abc",
    name="<i>Song</i>",
    user_id=ADMIN.id,
    user_name="admin",
    text="for @dummy <script>x</script>",
    lovers=(DUMMY.id,),
    comments=(
        Comment("c1", "6b0000000000000000000001", DUMMY.id, "dummy", "nice @admin"),
        Comment("c2", "6b0000000000000000000001", ADMIN.id, "admin", "<b>thanks</b>"),
    ),
)
TONES = tuple(Track(id=f"t{n}", eid="/fi//a.wav", name=f"Tone {n}", user_id=ADMIN.id) for n in range(3))


class FakeOpenwhyd:
    """The client calls these screens make, answered from memory and recorded."""

    def __init__(self, failing: ApiError | None = None, refusing: ApiError | None = None) -> None:
        self.tracks = TONES
        self.failing = failing  # the walk of a whole list, on its third track
        self.refusing = refusing  # a new order
        self.calls: list[tuple] = []

    async def track(self, post_id: str) -> Track:
        return POST

    async def lovers(self, post_id: str) -> list[UserRef]:
        return [UserRef(DUMMY.id, "dummy")]

    async def user_playlists(self, user: str) -> list[Playlist]:
        return list(ADMIN.playlists)

    async def user(self, user: str) -> User:
        return ADMIN

    def resource_url(self, path: str | None) -> str | None:
        return path

    async def stream(self, *, limit: int, after: str | None = None) -> TrackPage:
        return TrackPage((POST,), has_more=False)

    async def logout(self) -> None:
        self.calls.append(("logout",))

    async def reorder_playlist(self, playlist_id: str, post_ids: list[str]) -> None:
        if self.refusing:
            raise self.refusing
        self.calls.append(("reorder", playlist_id, post_ids))
        self.tracks = tuple(next(t for t in self.tracks if t.id == post) for post in post_ids)

    async def iter_playlist_tracks(self, user: str, playlist_id: object, *, page_size: int):
        for position, item in enumerate(self.tracks):
            if self.failing and position == 2:
                raise self.failing
            yield item


class StrictPage(FakePage):
    """These screens must never log an error: one fails the test at once."""

    def log_error(self, text: str) -> None:
        raise AssertionError(text)


def state_of(me: User | None, client: FakeOpenwhyd | None = None) -> AppState:
    state = app_state(services=Services(client or FakeOpenwhyd(), None))
    state.session.openwhyd_user = me
    return state


def shown(location: str, me: User | None, client: FakeOpenwhyd | None = None) -> str:
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


def test_add_guesses_a_files_title_and_explains_links_it_cannot_take() -> None:
    assert add_track.title_guess("/fi/https://host/music/my_song-final.mp3") == "My song final"
    assert add_track.title_guess("/yt/abc") == ""
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


def started(location: str, client: FakeOpenwhyd) -> tuple[App, StrictPage]:
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
    client = FakeOpenwhyd()
    page = StrictPage()
    app = App(fake_ports(page), state_of(ADMIN, client), APP_ACTIONS)
    asyncio.run(app.show("#/"))
    assert "Your stream" in page.regions["main"]
    asyncio.run(app.act("openwhyd-sign-out", {}))
    assert client.calls == [("logout",)] and page.locations == []
    assert "Music from Openwhyd" in page.regions["main"]


def test_a_move_saves_the_whole_order_keeps_focus_and_announces() -> None:
    client = FakeOpenwhyd()
    app, page = started("#/u/admin/playlists/0/arrange", client)
    data = {"list": f"playlist:{ADMIN.id}:0", "playlist": "0", "from": "0", "to": "2"}
    asyncio.run(app.act("move-track", data))
    assert client.calls == [("reorder", "0", ["t1", "t2", "t0"])]
    assert page.focused == ["move-up-t0"]
    assert page.texts["announcer"] == "Tone 0 is now at position 3 of 3."
    assert page.regions["main"].index("Tone 1") < page.regions["main"].index("Tone 0")


def test_a_refused_move_changes_nothing_and_says_why() -> None:
    app, page = started("#/u/admin/playlists/0/arrange", FakeOpenwhyd(refusing=ApiError("Try later.")))
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
    page = StrictPage()
    client = FakeOpenwhyd(failing=ApiError("Too many requests."))
    app = App(fake_ports(page, downloads=downloads), state_of(None, client))
    data = {"format": "CSV", "source": "playlist", "user": ADMIN.id, "playlist": "0", "title": "x"}
    asyncio.run(export_tracks(app, Export(**data)))
    assert downloads.saved == []
    assert page.texts["export-status"] == "The export stopped after 2 tracks: Too many requests."


def test_export_file_names_keep_the_title_readable() -> None:
    assert filename("admin likes", FORMATS["JSON"]) == "admin likes.json"
    assert filename("../../etc", FORMATS["CSV"]) == "etc.csv"
    assert filename("???", FORMATS["XSPF"]) == "tracks.xspf"


def test_a_form_that_comes_without_a_field_says_so_beside_it_and_keeps_the_screen() -> None:
    client = FakeOpenwhyd()
    app, page = started(f"#/t/{POST.id}", client)
    screen = page.regions["main"]
    assert '<div id="comment-feedback">' in screen
    asyncio.run(app.act("add-comment", {"text": "nice"}))
    assert page.regions["main"] == screen
    assert "This form came without its “post”" in page.regions["comment-feedback"]
    assert 'role="alert" id="comment-error"' in page.regions["comment-feedback"]
    assert page.focused[-1] == "comment-error" and client.calls == []
