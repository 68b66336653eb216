"""The landing screen: the stream of whoever is signed in, what Tonearm does and where its services are."""

from dataclasses import dataclass

from app.ui.core.app import App
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render
from app.ui.screens.openwhyd.stream import section


async def show(match: Match, state: AppState) -> Screen:
    stream = await section(state) if state.session.openwhyd_user else None
    return Screen("Tonearm", render("home.html", config=state.config, stream=stream))


@dataclass(frozen=True)
class ProfileName:
    user: str = ""


async def open_profile(app: App, form: ProfileName) -> None:
    """Without search (Openwhyd answers it to its own origin only), a profile is opened by name."""
    user = form.user.strip().lstrip("@")
    if user:
        app.go(href("profile", user=user))


ACTIONS: Actions = {"open-profile": Action(open_profile, ProfileName)}
