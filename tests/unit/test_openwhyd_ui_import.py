"""The import screen's actions on a canned Openwhyd: a preview sends nothing, refusals are said at
the form, and posting goes into the playlist chosen."""

import asyncio

from canned import OpenwhydAnswers
from fake_page import FakePage
from fake_ports import FakeFiles, fake_ports
from ui_state import app_state

from app.openwhyd.models import User
from app.ui.core.app import App
from app.ui.core.state import Services

ME = User("000000000000000000000002", "dummy", handle="dummy")
PLAYLISTS = [{"id": 0, "name": "Road trip", "url": "/u/x/playlist/0", "nbTracks": 0}]
M3U = b"#EXTM3U\n#PLAYLIST:Mix\n#EXTINF:-1,Song\nhttps://youtu.be/XdJVWSqb4Ck\nC:\\song.mp3\n"


def started(service: OpenwhydAnswers, files: FakeFiles) -> tuple[App, FakePage]:
    page = FakePage()
    state = app_state(services=Services(service.client, None))
    state.session.openwhyd_user = ME
    app = App(fake_ports(page, files=files), state)
    app.mount()
    asyncio.run(app.show("#/import", focus=False))
    return app, page


def answers(**more: object) -> OpenwhydAnswers:
    return OpenwhydAnswers({f"GET /u/{ME.id}/playlists": PLAYLISTS, **more})


def test_a_file_is_previewed_and_nothing_is_posted() -> None:
    service = answers()
    app, page = started(service, FakeFiles(picked={"mix.m3u8": M3U}))
    asyncio.run(app.act("import-preview", {"links": "", "playlist": "new", "new_playlist": ""}))
    main = page.regions["main"]
    assert "1 track to post from this M3U list" in main and "<strong>Mix</strong>" in main
    assert "Line 5" in main and "a file on a computer" in main
    assert service.sent() == []


def test_too_large_a_file_or_nothing_at_all_is_refused_at_the_form() -> None:
    files = FakeFiles()
    files.picked_files = None  # type: ignore[assignment]
    app, page = started(answers(), files)
    asyncio.run(app.act("import-preview", {"links": "", "playlist": "new", "new_playlist": ""}))
    assert "larger than 8 MB" in page.regions["main"]
    app, page = started(answers(), FakeFiles())
    asyncio.run(app.act("import-preview", {"links": " ", "playlist": "new", "new_playlist": ""}))
    assert "Pick a file, or paste links" in page.regions["main"]


def test_posting_goes_into_the_chosen_playlist_then_puts_it_in_order() -> None:
    post = {"_id": "6106450aa1de931f401c43be", "eId": "/yt/XdJVWSqb4Ck", "name": "Song", "pl": {"id": 0}}
    service = answers(
        **{
            f"GET /u/{ME.id}/playlist/0": [],
            "POST /api/post insert": post,
            "POST /api/playlist setOrder": {"ok": 1},
        }
    )
    app, page = started(service, FakeFiles())
    links = "https://youtu.be/XdJVWSqb4Ck\n"
    asyncio.run(app.act("import-preview", {"links": links, "playlist": "0", "new_playlist": ""}))
    asyncio.run(app.act("import-post", {}))
    assert service.sent() == [
        (
            "POST /api/post insert",
            {
                "eId": "/yt/XdJVWSqb4Ck",
                "name": "youtu.be/XdJVWSqb4Ck",
                "text": "",
                "pl": {"id": 0, "name": "Road trip"},
            },
        ),
        ("POST /api/playlist setOrder", {"id": "0", "order": ["6106450aa1de931f401c43be"]}),
    ]
    assert "1 of 1 track posted" in page.regions["main"]
