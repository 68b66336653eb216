"""Versions, configuration and credits: what a user reporting a problem needs to say."""

from app.ui.router import Match
from app.ui.screen import Screen
from app.ui.state import AppState
from app.ui.templates import render


async def show(match: Match, state: AppState) -> Screen:
    return Screen("About · Tonearm", render("about.html", config=state.config, runtime=state.runtime))
