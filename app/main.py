"""Boots the app in the browser: wires the UI controller to the page, the hash and the clicks."""

import asyncio
import traceback


async def main() -> None:
    from app.ui import browser

    try:
        from pyscript import config

        from app.config import AppConfig
        from app.ui.app import App
        from app.ui.state import AppState

        state = AppState(AppConfig.from_pyscript(dict(config)), runtime=browser.runtime())
        app = App(browser.BrowserPage(), state)
        app.mount()
        await app.show(browser.location_hash(), focus=False)
        browser.on_hash_change(lambda location: asyncio.ensure_future(app.show(location)))
        browser.on_actions({"skip-to-main": lambda target: app.page.focus("main")})
    except Exception as error:
        browser.BrowserPage().log_error("".join(traceback.format_exception(error)))
        browser.show_boot_failure(f"{type(error).__name__}: {error}")
        browser.mark("failed")
        return
    browser.mark("true")
