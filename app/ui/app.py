"""The UI controller: turns a location hash into a screen on the page. It knows no DOM."""

import html
import traceback
from importlib import import_module
from typing import Protocol

from app.ui.router import NOT_FOUND_VIEW, Match, match
from app.ui.screen import Screen
from app.ui.state import AppState
from app.ui.templates import render

NAV = (("Home", "home"), ("About", "about"))


class Page(Protocol):
    """The few things the controller asks of a page; `browser.BrowserPage` is the real one."""

    def set_html(self, region: str, markup: str) -> None: ...
    def set_title(self, title: str) -> None: ...
    def focus(self, region: str) -> None: ...
    def log_error(self, text: str) -> None: ...


def describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def failure_screen(error: BaseException) -> Screen:
    """A readable message instead of a blank screen, even if the templates themselves are broken."""
    try:
        markup = render("error.html", message=describe(error))
    except Exception:
        markup = f'<section class="panel" role="alert"><h1>Something went wrong</h1>' \
                 f"<p>{html.escape(describe(error))}</p></section>"
    return Screen("Error · Tonearm", markup)


class App:
    def __init__(self, page: Page, state: AppState) -> None:
        self.page = page
        self.state = state
        self.current = match("#/")
        self._navigation = 0

    def mount(self) -> None:
        self.page.set_html("app", render("frame.html", state=self.state, nav=self.nav_items()))

    def nav_items(self) -> list[dict[str, object]]:
        return [
            {"label": label, "name": name, "current": name == self.current.name}
            for label, name in NAV
        ]

    async def show(self, location_hash: str, *, focus: bool = True) -> None:
        """Render the screen for `location_hash`; a newer navigation wins over a slower older one."""
        self._navigation += 1
        navigation = self._navigation
        target = match(location_hash)
        screen = await self.screen_for(target)
        if navigation != self._navigation:
            return
        self.current = target
        self.page.set_html("main", screen.html)
        self.page.set_html("nav", render("nav.html", nav=self.nav_items()))
        self.page.set_title(screen.title)
        if focus:
            self.page.focus("main")

    async def screen_for(self, target: Match) -> Screen:
        try:
            view = import_module(target.route.view if target.route else NOT_FOUND_VIEW)
            return await view.show(target, self.state)
        except Exception as error:
            self.page.log_error("".join(traceback.format_exception(error)))
            return failure_screen(error)
