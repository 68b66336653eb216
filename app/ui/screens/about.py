"""Versions, configuration and credits: what a user reporting a problem needs to say."""

from app.ui.core.router import Match
from app.ui.core.screen import Screen
from app.ui.core.state import AppState
from app.ui.core.templates import render


async def show(match: Match, state: AppState) -> Screen:
    return Screen("About · Tonearm", render("about.html", config=state.config, runtime=state.runtime))
