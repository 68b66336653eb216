"""The composition root against fake ports: the app it makes shows the page's location, finds the
sessions again, and answers the page's events."""

import asyncio

from fake_page import FakePage
from fake_ports import FakeStorage, fake_ports
from ui_state import NOW, no_services

from app.compose import start
from app.config import AppConfig
from app.openwhyd.models import User
from app.ui.components.player_bar import MEDIA_KEYS, shortcut_action
from app.ui.screens.heavy.studio import REMEMBERED_TOKEN
from tests.unit.test_heavy_token import token

ADA = User("000000000000000000000003", "ada", handle="ada")


async def ada() -> User:
    return ADA


def test_the_root_makes_the_app_at_the_pages_location_with_its_sessions() -> None:
    page = FakePage()
    page.location = "#/about"
    remembered = token({"name": "ada", "startDate": "2020-01-02T03:04:05.000006"})
    ports = fake_ports(page, storage=FakeStorage(**{REMEMBERED_TOKEN: remembered}))

    async def scenario() -> None:
        app = await start(
            AppConfig(version="9.9"), ports, no_services(), ada(), lambda: NOW, {"Pyodide": "314"}
        )
        assert app.state.session.openwhyd_user == ADA
        assert app.state.session.heavy_token.name == "ada" and app.state.services.heavy.token.name == "ada"
        assert app.state.clock() == NOW

    asyncio.run(scenario())
    main = page.regions["main"]
    assert "About Tonearm" in main and "<dd>9.9</dd>" in main and "<dd>314</dd>" in main
    assert page.title == "About · Tonearm" and page.focused == []
    assert "ada" in page.regions["accounts"] and ports.events.watching_images


def test_the_pages_events_reach_the_app() -> None:
    page = FakePage()
    ports = fake_ports(page)

    async def scenario() -> None:
        app = await start(AppConfig(), ports, no_services(), ada(), lambda: NOW, {})
        ports.events.act("toggle-queue", {})
        await asyncio.sleep(0)
        assert app.state.queue_open and page.focused[-1] == "queue-title"
        page.location_changed("#/about")
        await asyncio.sleep(0)
        assert app.current.name == "about" and page.focused[-1] == "main"

    asyncio.run(scenario())
    assert ports.events.action_for is shortcut_action and ports.events.key_act is ports.events.act
    assert page.media_keys == MEDIA_KEYS and page.media_act is ports.events.act
    assert ports.files.drop_act is ports.events.act and ports.events.live_act is ports.events.act
    assert ports.events.show_window is not None
