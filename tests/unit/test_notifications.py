"""Notifications in the app: what each kind says and where it leads, the header's badge and panel,
and the timer that keeps them fresh."""

import asyncio

from canned import OpenwhydAnswers, only, scripted
from fake_page import FakePage
from fake_ports import FakeTimers, fake_ports
from ui_state import app_state

from app.api.transport import Response
from app.openwhyd.client import OpenwhydClient
from app.openwhyd.models import User
from app.openwhyd.notifications import Notification, app_link, badge_count, plain_text
from app.openwhyd.paths import DEFAULT_OPENWHYD
from app.ui.components import notif_panel
from app.ui.core.app import App
from app.ui.core.state import Services

POST = "66a0000000000000000000aa"
LIKE = {
    "pId": f"{POST}/loves",
    "track": {"eId": "/yt/x", "name": "Lullaby"},
    "t": "2026-05-01T10:00:00.000Z",
    "lastAuthor": {"id": "u1", "name": "Ann"},
    "n": 3,
}
SENT = {
    "type": "Snt",
    "pId": "66a0000000000000000000f1",
    "track": {"img": f"/img/post/{POST}"},
    "lastAuthor": {"id": "u1", "name": "Ann"},
    "n": 1,
    "img": f"/img/post/{POST}",
    "html": "<span>Ann &amp; &lt;Bo&gt;</span> sent you a track",
    "href": f"/c/{POST}",
}
FOLLOW = {"pId": "/u/u2", "track": {"eId": "/u/u2", "name": "Cy"}, "lastAuthor": {}, "n": 1}
PLAYLIST = {
    "type": "Snp",
    "pId": "p2",
    "html": "<span>Ann</span> sent you a playlist",
    "href": "/u/u1/playlist/4",
}


def test_each_kind_reads_as_openwhyd_words_it_and_leads_to_its_page() -> None:
    like, sent, follow, playlist = (Notification.from_json(item) for item in (LIKE, SENT, FOLLOW, PLAYLIST))
    assert like.text == "Ann + 2 other people loved your track Lullaby"
    assert like.target == f"#/t/{POST}"
    assert (
        Notification.from_json({**LIKE, "pId": f"{POST}/reposts", "n": 1}).text
        == "Ann reposted your track Lullaby"
    )
    assert sent.text == "Ann & <Bo> sent you a track" and sent.target == f"#/t/{POST}"
    assert sent.sent_post_id == POST and like.sent_post_id is None
    assert follow.text == "Cy subscribed to your stream!" and follow.target == "#/u/u2"
    assert follow.picture == "/img/u/u2" and like.picture == "/img/user/u1" and sent.picture == "/img/user/u1"
    assert playlist.target == "#/u/u1/playlists/4"
    assert Notification.from_json({**SENT, "lastAuthor": {}}).picture == f"/img/post/{POST}"
    assert badge_count([like, sent, follow, Notification("x", count=0)]) == 3 + 1 + 1 + 1


def test_markup_is_read_back_into_text_and_unknown_links_lead_nowhere() -> None:
    assert plain_text('<span>a</span> <img src=x onerror="alert(1)">&lt;b&gt;') == "a <b>"
    assert app_link("javascript:alert(1)") is None and app_link("/c/../x") is None and app_link("") is None


def signed_in(routes: dict) -> tuple[App, FakePage, OpenwhydAnswers, FakeTimers]:
    page, timers, service = FakePage(), FakeTimers(), OpenwhydAnswers(routes)
    state = app_state(services=Services(service.client, None))
    state.session.openwhyd_user = User("me", "me")
    app = App(fake_ports(page, timers=timers), state, notif_panel.ACTIONS)
    app.mount()
    return app, page, service, timers


def test_the_badge_counts_and_the_timer_keeps_it_fresh() -> None:
    answers = [[LIKE], [LIKE, SENT]]
    app, page, _, timers = signed_in({"GET /api/notif": lambda request: answers.pop(0)})
    asyncio.run(notif_panel.refresh(app))
    assert '<span class="notif-count">3</span>' in page.regions["accounts"]
    notif_panel.keep_refreshing(app)
    [(seconds, tick)] = timers.pending
    assert seconds == 20

    async def fire() -> None:
        tick()
        await asyncio.sleep(0.01)

    asyncio.run(fire())
    assert '<span class="notif-count">4</span>' in page.regions["accounts"]
    assert len(timers.pending) == 2, "the next refresh is scheduled"


def test_the_panel_lists_escaped_text_opens_and_deletes() -> None:
    state = {"items": [LIKE, SENT, FOLLOW]}

    def deleted(request: object) -> dict:
        state["items"] = state["items"][1:]
        return {"ok": True}

    def cleared(request: object) -> dict:
        state["items"] = []
        return {"ok": True}

    routes = {
        "GET /api/notif": lambda request: state["items"],
        "POST /api/notif delete": deleted,
        "POST /api/notif deleteAll": cleared,
    }
    app, page, service, _ = signed_in(routes)
    asyncio.run(app.act("toggle-notifs", {}))
    panel = page.regions["notif-panel"]
    assert "Ann &amp; &lt;Bo&gt; sent you a track" in panel and "<Bo>" not in panel
    assert f'data-target="#/t/{POST}"' in panel and page.focused[-1] == "notif-title"
    assert 'aria-expanded="true"' in page.regions["accounts"]
    asyncio.run(app.act("delete-notif", {"id": f"{POST}/loves"}))
    assert service.sent()[-1] == ("POST /api/notif delete", {"pId": f"{POST}/loves"})
    assert "loved your track" not in page.regions["notif-panel"]
    asyncio.run(app.act("open-notif", {"id": "x", "target": "#/u/u2"}))
    assert page.regions["notif-panel"] == "" and page.locations[-1] == "#/u/u2"
    asyncio.run(app.act("delete-all-notifs", {}))
    assert '<span class="notif-count">0</span>' in page.regions["accounts"]


def test_nobody_signed_in_has_no_badge_and_asks_nothing() -> None:
    app, page, service, _ = signed_in({})
    app.state.session.openwhyd_user = None
    asyncio.run(notif_panel.refresh(app))
    app.render_chrome()
    assert service.requests == [] and "notif-button" not in page.regions["accounts"]


def test_a_visitor_gets_the_service_empty_answer_as_no_notifications() -> None:
    transport, sent = scripted(Response(200, b"", (("content-type", "application/json"),)))
    client = OpenwhydClient(DEFAULT_OPENWHYD, transport)
    assert asyncio.run(client.notifications()) == []
    assert only(sent).url == f"{DEFAULT_OPENWHYD}/api/notif"


def test_moving_to_another_screen_closes_the_panel_and_fetches_again() -> None:
    app, page, service, _ = signed_in({"GET /api/notif": [FOLLOW]})
    asyncio.run(app.act("toggle-notifs", {}))
    assert page.regions["notif-panel"] != ""
    asyncio.run(notif_panel.navigated(app))
    assert page.regions["notif-panel"] == "" and 'aria-expanded="false"' in page.regions["accounts"]
    assert len(service.sent("GET")) == 2, "on opening, and after moving"
