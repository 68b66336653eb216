"""The UI controller: turns a location hash into a screen and user actions into calls. No DOM here."""

import html
import traceback
from collections.abc import Callable
from importlib import import_module
from typing import Protocol

from app.player.keys import SHORTCUTS
from app.player.time_format import clock
from app.ui.core.form_feedback import tell
from app.ui.core.payloads import BadField, parse
from app.ui.core.ports import Ports
from app.ui.core.router import NOT_FOUND_VIEW, Match, Route, match, route_named
from app.ui.core.screen import Screen
from app.ui.core.state import AppState
from app.ui.core.tasks import Actions
from app.ui.core.templates import render

NAV = (("Home", "home"), ("Hot tracks", "hot"), ("heavy", "heavy"), ("About", "about"))


class View(Protocol):
    """A screen's module: how it shows, and the actions of its own (`ACTIONS`, where it has some)."""

    async def show(self, match: Match, state: AppState) -> Screen: ...


ViewLoader = Callable[[str], View]
"""Loads a route's view by module name; the first navigation to a screen imports its module."""


def describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def failure_screen(error: BaseException) -> Screen:
    """A readable message instead of a blank screen, even if the templates themselves are broken."""
    try:
        markup = render("error.html", message=describe(error))
    except Exception:
        markup = (
            f'<section class="panel" role="alert"><h1>Something went wrong</h1>'
            f"<p>{html.escape(describe(error))}</p></section>"
        )
    return Screen("Error · Tonearm", markup)


class App:
    def __init__(
        self,
        ports: Ports,
        state: AppState,
        actions: Actions | None = None,
        views: ViewLoader = import_module,
    ) -> None:
        self.ports = ports
        self.page = ports.page
        self.state = state
        self.views = views
        self.actions = actions or {}
        self.current = match("#/")
        self.location = "#/"
        self._navigation = 0

    def mount(self) -> None:
        frame = render(
            "frame.html",
            **self.accounts(),
            nav=self.nav_items(),
            player=self.state.player,
            queue_open=self.state.queue_open,
            viewer=self.state.viewer(),
            clock=clock,
            shortcuts=SHORTCUTS,
        )
        self.page.set_html("app", frame)

    def nav_items(self) -> list[dict[str, object]]:
        """A section's routes are named after it (`heavy`, `heavy-patch`…), so its item stays current."""
        here = self.current.name
        return [
            {"label": label, "name": name, "current": here == name or here.startswith(f"{name}-")}
            for label, name in NAV
            if not self.out_of_reach(route_named(name))
        ]

    def out_of_reach(self, route: Route | None) -> bool:
        """A screen that needs Openwhyd on the app's origin, when it is read from another one."""
        return bool(route and route.same_origin and self.state.config.openwhyd_public_only)

    def render_chrome(self) -> None:
        """The parts of the frame that follow the route and the session."""
        self.page.set_html("nav", render("nav.html", nav=self.nav_items()))
        self.page.set_html("accounts", render("accounts.html", **self.accounts()))

    def accounts(self) -> dict[str, object]:
        """What the header's accounts list shows: who is signed in to each service, and how."""
        session, me = self.state.session, self.state.session.openwhyd_user
        return {
            "openwhyd_name": me and me.name,
            "openwhyd_avatar": me and self.state.services.openwhyd.resource_url(me.image),
            "public_only": self.state.config.openwhyd_public_only,
            "heavy_name": session.heavy_token and session.heavy_token.name,
            "inbox": self.state.inbox,
        }

    async def show(self, location_hash: str, *, focus: bool = True) -> None:
        """Render the screen for `location_hash`; a newer navigation wins over a slower older one."""
        self._navigation += 1
        navigation = self._navigation
        target = match(location_hash)
        screen = await self.screen_for(target)
        if navigation != self._navigation:
            return
        self.current, self.location = target, location_hash
        self.page.set_html("main", screen.html)
        self.render_chrome()
        self.highlight_current()
        self.page.set_title(screen.title)
        if focus:
            self.page.focus(screen.focus)

    def highlight_current(self) -> None:
        """Mark the playing item in whatever list is on screen."""
        current = self.state.player.current
        self.page.highlight(current.item.id if current else "")

    async def refresh(self) -> None:
        """Show the current screen again, after an action changed what it shows."""
        await self.show(self.location, focus=False)

    def go(self, location_hash: str) -> None:
        """Navigate as a link would: the page's hash changes and `show` follows."""
        self.ports.location.go(location_hash)

    async def screen_for(self, target: Match) -> Screen:
        if self.out_of_reach(target.route):
            markup = render("public_only.html", openwhyd=self.state.config.openwhyd_base)
            return Screen("Not available here · Tonearm", markup)
        try:
            view = self.views(target.route.view if target.route else NOT_FOUND_VIEW)
            return await view.show(target, self.state)
        except Exception as error:
            self.report(error)
            return failure_screen(error)

    async def act(self, name: str, data: dict[str, str]) -> None:
        """Run the action `name`, the current screen's own or else one the whole app knows, with
        `data` read into its payload; a field it lacks is said beside its form."""
        action = self._screen_actions().get(name) or self.actions.get(name)
        if action is None:
            self.page.log_error(f"no action {name!r} on {self.current.path}")
            return
        try:
            payload = parse(action.payload, data)
        except BadField as problem:
            if action.form is None:
                self.fail(problem)
            else:
                tell(self.page, action.form, problem.message)
            return
        try:
            await action.run(self, payload)
        except Exception as error:
            self.fail(error)

    def fail(self, error: Exception) -> None:
        """An action that went wrong: logged, and said instead of the screen."""
        self.report(error)
        self.page.set_html("main", failure_screen(error).html)

    def _screen_actions(self) -> Actions:
        if self.current.route is None:
            return {}
        return getattr(self.views(self.current.route.view), "ACTIONS", {})

    def still_on(self, route: str) -> bool:
        """After a wait: whether the screen is still there to show the outcome on."""
        return self.current.name == route

    def report(self, error: BaseException) -> None:
        self.page.log_error("".join(traceback.format_exception(error)))
