"""The settings screen's Last.fm panel: connecting in a window on the service, the service's page
calling back, disconnecting."""

import asyncio

from fake_page import FakePage
from test_openwhyd_ui_account import DUMMY, DUMMY_JSON, Accounts, started

from app.api.transport import Request
from app.ui.screens.openwhyd.lastfm import WINDOW_CALLS

CONNECTED = {**DUMMY_JSON, "lastFm": {"name": "rj", "sk": "secret-session"}}


class WithLastFm(Accounts):
    def __init__(self, user: dict) -> None:
        super().__init__(user)
        self.routes["POST /api/lastFm/disconnect"] = self.disconnect

    def disconnect(self, request: Request) -> dict:
        self.user.pop("lastFm", None)
        return {"ok": 1}


def panel(page: FakePage) -> str:
    main = page.regions["main"]
    return main[main.index('aria-labelledby="lastfm-title"') :]


def test_not_connected_offers_the_service_s_connect_page_in_a_window_of_its_own() -> None:
    _, page = started("#/settings", WithLastFm(DUMMY_JSON))
    shown = panel(page)
    assert "Last.fm is not connected." in shown
    assert 'href="./openwhyd/api/lastFm/connect" target="lastfm" rel="opener"' in shown
    assert "Disconnect" not in shown


def test_a_failed_connection_calling_back_says_so() -> None:
    app, page = started("#/settings", WithLastFm(DUMMY_JSON))
    asyncio.run(app.act("settings-lastfm-changed", {}))
    assert "Last.fm did not connect: please try again." in page.regions["lastfm-feedback"]


def test_the_service_s_page_calling_back_shows_the_account_connected() -> None:
    service = WithLastFm(DUMMY_JSON)
    app, page = started("#/settings", service)
    assert WINDOW_CALLS == {"lastFmCallback": "settings-lastfm-changed"}
    service.user = dict(CONNECTED)  # what Last.fm's round trip left on the service
    asyncio.run(app.act("settings-lastfm-changed", {}))
    assert "Connected to Last.fm as rj" in panel(page)
    assert "Last.fm is connected." in page.regions["lastfm-feedback"]
    assert app.state.session.openwhyd_user.lastfm_user == "rj"
    assert "secret-session" not in page.regions["main"]


def test_disconnecting_forgets_the_account() -> None:
    service = WithLastFm(CONNECTED)
    app, page = started("#/settings", service, me=DUMMY)
    assert "Connected to Last.fm as rj" in panel(page)
    asyncio.run(app.act("settings-lastfm-disconnect", {}))
    assert ("POST /api/lastFm/disconnect", {}) in service.sent()
    assert "Last.fm is disconnected." in page.regions["lastfm-feedback"]
    assert "Last.fm is not connected." in panel(page)
    assert app.state.session.openwhyd_user.lastfm_user is None
