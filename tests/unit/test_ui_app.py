"""The UI controller against a fake page: what ends up in each region, title and focus."""

import asyncio
import types
from importlib import import_module

import pytest
from fake_page import FakePage
from fake_ports import fake_ports
from ui_state import app_state

from app.config import AppConfig, ConfigError
from app.ui.components.player_bar import PLAYER_ACTIONS
from app.ui.core.app import App, View, ViewLoader


def views_with(replaced: dict[str, View]) -> ViewLoader:
    """The app's views, but for those `replaced`, by module name."""
    return lambda name: replaced.get(name) or import_module(name)


def started_app(views: ViewLoader = import_module) -> tuple[App, FakePage]:
    page = FakePage()
    app = App(fake_ports(page), app_state(AppConfig(openwhyd_base="https://owd.example/<x>")), views=views)
    app.mount()
    return app, page


def test_mount_renders_frame_with_regions() -> None:
    _, page = started_app()
    frame = page.regions["app"]
    assert 'id="main"' in frame and 'id="nav"' in frame and 'aria-label="Player"' in frame
    assert "not signed in" in frame


def test_show_renders_screen_nav_title_and_moves_focus() -> None:
    app, page = started_app()
    asyncio.run(app.show("#/about"))
    assert "About Tonearm" in page.regions["main"]
    assert "https://owd.example/&lt;x&gt;" in page.regions["main"]
    assert 'href="#/about" aria-current="page"' in page.regions["nav"]
    assert page.title == "About · Tonearm"
    assert page.focused == ["main"]


def test_first_screen_does_not_steal_focus() -> None:
    app, page = started_app()
    asyncio.run(app.show("#/", focus=False))
    assert page.focused == []


def test_not_found_escapes_the_path() -> None:
    app, page = started_app()
    asyncio.run(app.show("#/<img src=x onerror=alert(1)>"))
    assert "Page not found" in page.regions["main"]
    assert "<img" not in page.regions["main"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in page.regions["main"]


def test_a_failing_view_becomes_an_error_screen() -> None:
    async def show(match, state):
        raise ValueError("no <b>luck</b>")

    app, page = started_app(views_with({"app.ui.screens.about": types.SimpleNamespace(show=show)}))
    asyncio.run(app.show("#/about"))
    assert "Something went wrong" in page.regions["main"]
    assert "ValueError: no &lt;b&gt;luck&lt;/b&gt;" in page.regions["main"]
    assert page.title == "Error · Tonearm"
    assert "Traceback" in page.errors[0]


def test_a_slow_older_navigation_does_not_overwrite_a_newer_one() -> None:
    release = asyncio.Event()

    async def slow_show(match, state):
        await release.wait()
        from app.ui.core.screen import Screen

        return Screen("Slow", "slow screen")

    app, page = started_app(views_with({"app.ui.screens.about": types.SimpleNamespace(show=slow_show)}))

    async def scenario() -> None:
        older = asyncio.ensure_future(app.show("#/about"))
        await asyncio.sleep(0)
        await app.show("#/")
        release.set()
        await older

    asyncio.run(scenario())
    assert "Music from Openwhyd" in page.regions["main"]
    assert app.current.name == "home"


def test_config_comes_from_the_pyscript_section() -> None:
    config = AppConfig.from_pyscript({"tonearm": {"openwhyd": "https://openwhyd.org", "version": "1.2"}})
    assert config == AppConfig(openwhyd_base="https://openwhyd.org", heavy_base="./heavy", version="1.2")
    assert AppConfig.from_pyscript({}) == AppConfig()
    players = AppConfig.from_pyscript({"tonearm": {"dailymotion_player": "x1", "deezer_app": "42"}})
    assert (players.dailymotion_player, players.deezer_app) == ("x1", "42")


def test_openwhyd_access_is_session_or_public_and_nothing_else() -> None:
    assert AppConfig.from_pyscript({}).openwhyd_public_only is False
    public = AppConfig.from_pyscript({"tonearm": {"openwhyd_access": "public"}})
    assert public.openwhyd_public_only is True
    with pytest.raises(ConfigError, match="openwhyd_access is 'jsonp'; it can be 'session' or 'public'"):
        AppConfig.from_pyscript({"tonearm": {"openwhyd_access": "jsonp"}})


def test_public_only_offers_what_a_page_on_another_origin_can_read() -> None:
    page = FakePage()
    config = AppConfig(openwhyd_base="https://openwhyd.org", openwhyd_access="public")
    app = App(fake_ports(page), app_state(config))
    app.mount()
    frame = page.regions["app"]
    assert 'role="search"' not in frame and "Sign in" not in frame and "public pages, read-only" in frame
    assert "Hot tracks" not in frame and "About" in frame
    for location in ("#/hot", "#/login", "#/search?q=x", "#/t/abc", "#/stream"):
        asyncio.run(app.show(location, focus=False))
        assert "Not available here" in page.regions["main"], location
        assert 'href="https://openwhyd.org"' in page.regions["main"]
    asyncio.run(app.show("#/", focus=False))
    assert 'data-action="open-profile"' in page.regions["main"]
    asyncio.run(app.act("open-profile", {"user": " @admin "}))
    assert page.locations == ["#/u/admin"]


def test_a_sections_nav_item_stays_current_on_its_sub_pages() -> None:
    app, page = started_app()
    asyncio.run(app.show("#/heavy/u/someone", focus=False))
    assert 'href="#/heavy" aria-current="page"' in page.regions["nav"]
    assert page.regions["nav"].count("aria-current") == 1


def test_an_action_of_no_form_without_the_data_it_needs_fails_like_any_other() -> None:
    page = FakePage()
    app = App(fake_ports(page), app_state(), PLAYER_ACTIONS)
    asyncio.run(app.act("seek", {"value": "soon"}))
    assert "The “value” of this form should be a number, not “soon”" in page.regions["main"]
    assert "Something went wrong" in page.regions["main"] and "BadField" in page.errors[0]
