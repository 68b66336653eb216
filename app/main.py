"""Boots the app in the browser: wires clients, the player, the UI controller, the hash and actions."""

import time
import traceback
from functools import cache


async def main() -> None:
    import asyncio

    from app.ui import browser

    try:
        from pyscript import config

        from app.api.transports.browser import BrowserTransport
        from app.api.transports.jsonp import JsonpTransport
        from app.config import AppConfig
        from app.openwhyd.client import OpenwhydClient

        settings = AppConfig.from_pyscript(dict(config))
        public_only = settings.openwhyd_public_only
        # whole-list walks (exports, rearranging) pause briefly between pages, someone is waiting
        transport = JsonpTransport() if public_only else BrowserTransport()
        openwhyd = OpenwhydClient(settings.openwhyd_base, transport, page_delay=0.2, public_only=public_only)
        signed_in = asyncio.ensure_future(no_session() if public_only else openwhyd.me())
        await asyncio.sleep(0)  # the request leaves now and travels while the rest is imported

        from app.heavy.client import HeavyClient
        from app.openwhyd.eid import AUDIO_FILE
        from app.player.adapters.audio import AudioFileAdapter
        from app.player.adapters.third_party import third_party_sources
        from app.player.controller import Player
        from app.player.patch_item import PATCH
        from app.player.sources import Sources
        from app.ui.components import long_list, patch_player, player_bar, queue_panel, share
        from app.ui.core import session
        from app.ui.core.actions import APP_ACTIONS
        from app.ui.core.app import App, spawn
        from app.ui.core.state import AppState, Services
        from app.ui.screens.heavy import studio as heavy

        services = Services(openwhyd, HeavyClient(settings.heavy_base, BrowserTransport()))
        state = AppState(settings, services, runtime=browser.runtime())
        actions = {
            **APP_ACTIONS,
            **player_bar.PLAYER_ACTIONS,
            **queue_panel.ACTIONS,
            **share.ACTIONS,
            **heavy.ACTIONS,
        }

        @cache
        def patches():
            """Made with the first patch played: its module and the build reader load then."""
            from app.player.adapters.patch import PatchAdapter
            from app.player.patch_builds import BuildCache

            return PatchAdapter(
                BuildCache(services.heavy), time.time, lambda level: patch_player.show_level(app, level)
            )

        actions.update(patch_player.actions(patches))
        actions.update(long_list.ACTIONS)
        app = App(browser.BrowserPage(), state, actions)
        state.player = Player(
            Sources(
                {
                    AUDIO_FILE: lambda: AudioFileAdapter(time.time),
                    PATCH: patches,
                    **third_party_sources(time.time, browser.set_timer, openwhyd, settings),
                }
            ),
            clock=time.time,
            set_timer=browser.set_timer,
            send=lambda calls: player_bar.send_play_log(app, calls),
            on_change=lambda change: player_bar.player_changed(app, change),
            scrobbling=lambda: bool(state.session.openwhyd_user and state.session.openwhyd_user.lastfm_user),
        )
        await session.restore(state, signed_in)
        heavy.restore(state, browser.stored(heavy.REMEMBERED_TOKEN))
        browser.on_missing_images()
        app.mount()
        await app.show(browser.location_hash(), focus=False)
        browser.on_hash_change(lambda location: spawn(app.show(location)))

        def act(name: str, data: dict[str, str]) -> None:
            spawn(app.act(name, data))

        browser.on_actions(act)
        browser.on_live_inputs(act)
        browser.on_file_drops(act)
        browser.on_keys(player_bar.shortcut_action, act)
        browser.on_media_keys(player_bar.MEDIA_KEYS, act)
        browser.on_list_window(lambda key: long_list.show_window(app, key))
    except Exception as error:
        browser.BrowserPage().log_error("".join(traceback.format_exception(error)))
        browser.show_boot_failure(f"{type(error).__name__}: {error}")
        browser.mark("failed")
        return
    browser.mark("true")


async def no_session() -> None:
    """Openwhyd on another origin keeps its session cookie to itself: nobody is signed in."""
