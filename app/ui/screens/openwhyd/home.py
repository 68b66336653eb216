"""The landing screen: the stream of whoever is signed in, what Tonearm does and where its services are."""

from app.ui.core.app import App
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen
from app.ui.core.state import AppState
from app.ui.core.templates import render
from app.ui.screens.openwhyd.stream import section


async def show(match: Match, state: AppState) -> Screen:
    stream = await section(state) if state.session.openwhyd_user else None
    return Screen("Tonearm", render("home.html", config=state.config, stream=stream))


async def open_profile(app: App, data: dict[str, str]) -> None:
    """Without search (Openwhyd answers it to its own origin only), a profile is opened by name."""
    user = data.get("user", "").strip().lstrip("@")
    if user:
        app.go(href("profile", user=user))


ACTIONS = {"open-profile": open_profile}
