"""The composition root: the one place that makes the app's objects, each with what it needs when it
is made, in order: the service clients, the browser's ports, the player, the state, the controller;
then the page's events are wired to the controller. `app/main.py` calls `boot`.

Most imports are inside the functions on purpose: `boot` sends the sign-in check first, and the rest
of the app is imported while it travels; and a module that fails to import is shown as a failed boot.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.config import AppConfig
    from app.openwhyd.models import User
    from app.player.adapter import Adapter, TrackItem
    from app.player.adapters.patch import PatchAdapter
    from app.player.controller import Change
    from app.player.sources import Sources
    from app.ui.components.patch_player import PatchPlayer
    from app.ui.core.app import App
    from app.ui.core.ports import Ports
    from app.ui.core.state import Services
    from app.ui.core.tasks import Actions

Clock = Callable[[], float]


async def boot() -> None:
    """Start the app in the page, or say in the page why it could not start."""
    from app.ui.browser import boot as page  # before anything can fail, to show the failure

    try:
        from pyscript import config

        from app.api.transports.browser import BrowserTransport
        from app.api.transports.jsonp import JsonpTransport
        from app.config import AppConfig
        from app.heavy.client import HeavyClient
        from app.openwhyd.client import OpenwhydClient
        from app.ui.browser.location import page_address

        settings = AppConfig.from_pyscript(dict(config), page_address())
        public_only = settings.openwhyd_public_only
        # whole-list walks (exports, rearranging) pause briefly between pages, someone is waiting
        transport = JsonpTransport() if public_only else BrowserTransport()
        openwhyd = OpenwhydClient(settings.openwhyd_base, transport, page_delay=0.2, public_only=public_only)
        signed_in = asyncio.ensure_future(no_session() if public_only else openwhyd.me())
        await asyncio.sleep(0)  # the request leaves now and travels while the rest is imported

        from app.openwhyd.track_titles import WAIT, TrackTitles
        from app.ui.core.state import Services

        heavy = HeavyClient(settings.heavy_base, BrowserTransport())
        titles = TrackTitles(BrowserTransport(credentials="omit", timeout=WAIT))
        services = Services(openwhyd, heavy, titles)
        await start(settings, browser_ports(), services, signed_in, time.time, page.runtime())
    except Exception as error:
        page.failed(error)
        return
    page.mark("true")


async def no_session() -> None:
    """Openwhyd on another origin keeps its session cookie to itself: nobody is signed in."""


def browser_ports() -> Ports:
    from app.ui.browser.downloads import BrowserDownloads
    from app.ui.browser.events import BrowserEvents
    from app.ui.browser.files import BrowserFiles
    from app.ui.browser.lists import BrowserLists
    from app.ui.browser.location import BrowserLocation
    from app.ui.browser.media import BrowserMediaSession
    from app.ui.browser.page import BrowserPage
    from app.ui.browser.storage import BrowserStorage
    from app.ui.browser.timers import BrowserTimers
    from app.ui.core.ports import Ports

    timers = BrowserTimers()
    return Ports(
        page=BrowserPage(),
        lists=BrowserLists(),
        location=BrowserLocation(),
        storage=BrowserStorage(),
        files=BrowserFiles(),
        downloads=BrowserDownloads(timers),
        timers=timers,
        media=BrowserMediaSession(),
        events=BrowserEvents(),
    )


async def start(
    config: AppConfig,
    ports: Ports,
    services: Services,
    signed_in: Awaitable[User | None],
    clock: Clock,
    runtime: dict[str, str],
) -> App:
    """The app made, its first screen shown at the page's location, and the page's events wired.

    The player reports its changes to the player bar, which draws from the state that holds that
    same player: a cycle of objects (not of modules). `redraw` closes it, reaching the app once it
    is made; the player reports nothing before something plays, which needs the app's actions."""
    from app.player.controller import Player
    from app.ui.components import player_bar
    from app.ui.core import session
    from app.ui.core.app import App
    from app.ui.core.playlog_wiring import PlayLogWiring
    from app.ui.core.state import AppState, Session
    from app.ui.screens.heavy import studio

    def redraw(change: Change) -> None:
        player_bar.player_changed(app, change)

    who = Session()
    play_log = PlayLogWiring(who, services.openwhyd, ports.page.log_error)
    patches = patch_adapter(ports, services, clock)
    player = Player(
        sources(config, ports, services, clock, patches),
        clock=clock,
        set_timer=ports.timers.set_timer,
        send=play_log.send,
        on_change=redraw,
        scrobbling=play_log.scrobbling,
    )
    state = AppState(config, services, player, clock, session=who, runtime=runtime)
    app = App(ports, state, app_actions(patches))
    await session.restore(state, signed_in)
    studio.restore(state, ports.storage.stored(studio.REMEMBERED_TOKEN))
    ports.events.on_missing_images()
    app.mount()
    await app.show(ports.location.current(), focus=False)
    wire(app, ports)
    return app


def patch_adapter(ports: Ports, services: Services, clock: Clock) -> Callable[[], PatchAdapter]:
    """The patch player, made with the first patch played: its module and the build reader load then."""
    from app.ui.components.patch_player import show_level

    @cache
    def made() -> PatchAdapter:
        from app.player.adapters.patch import PatchAdapter
        from app.player.patch_builds import BuildCache

        return PatchAdapter(BuildCache(services.heavy), clock, lambda level: show_level(ports.page, level))

    return made


def sources(
    config: AppConfig, ports: Ports, services: Services, clock: Clock, patches: Callable[[], PatchAdapter]
) -> Sources:
    """Which adapter plays what; each is made, and its module imported, when it first plays. Audio
    files and Bandcamp's streams share one audio player."""
    from app.openwhyd.eid import AUDIO_FILE
    from app.player.adapters.third_party import third_party_sources
    from app.player.patch_item import PATCH
    from app.player.sources import Sources

    @cache
    def audio() -> Adapter[TrackItem]:
        from app.player.adapters.audio import AudioFileAdapter
        from app.player.adapters.http_status import http_status

        return AudioFileAdapter(clock, http_status)

    return Sources(
        {
            AUDIO_FILE: audio,
            PATCH: patches,
            **third_party_sources(clock, ports.timers.set_timer, services.openwhyd, config, audio),
        }
    )


def app_actions(patches: Callable[[], PatchPlayer]) -> Actions:
    """The actions of every screen: the frame's, the player bar's, the queue's, sharing, the studio's."""
    from app.ui.components import (
        long_list,
        notif_panel,
        patch_player,
        player_bar,
        queue_panel,
        share,
        track_rows,
    )
    from app.ui.core.actions import APP_ACTIONS
    from app.ui.screens.heavy import studio

    return {
        **APP_ACTIONS,
        **player_bar.PLAYER_ACTIONS,
        **queue_panel.ACTIONS,
        **share.ACTIONS,
        **notif_panel.ACTIONS,
        **studio.ACTIONS,
        **patch_player.actions(patches),
        **long_list.ACTIONS,
        **track_rows.ACTIONS,
    }


def wire(app: App, ports: Ports) -> None:
    """The page's events, to the controller: each action and navigation runs as its own task. The
    notifications are fetched now, after each navigation (a sign-in or out is one) and on a timer."""
    from app.ui.components import long_list, notif_panel, player_bar
    from app.ui.core.tasks import spawn
    from app.ui.screens.openwhyd import lastfm

    def act(name: str, data: dict[str, str]) -> None:
        spawn(app.act(name, data))

    async def navigated(location: str) -> None:
        await app.show(location)
        await notif_panel.navigated(app)

    ports.location.on_change(lambda location: spawn(navigated(location)))
    spawn(notif_panel.refresh(app))
    notif_panel.keep_refreshing(app)
    ports.events.on_actions(act)
    ports.events.on_live_inputs(act)
    ports.files.on_drops(act)
    ports.events.on_keys(player_bar.shortcut_action, act)
    ports.media.on_keys(player_bar.MEDIA_KEYS, act)
    ports.events.on_list_window(lambda key: long_list.show_window(app, key))
    ports.events.on_window_calls(lastfm.WINDOW_CALLS, act)
