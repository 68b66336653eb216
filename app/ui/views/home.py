"""The landing screen: what Tonearm does and where its services are."""

from app.ui.router import Match
from app.ui.screen import Screen
from app.ui.state import AppState
from app.ui.templates import render


async def show(match: Match, state: AppState) -> Screen:
    return Screen("Tonearm", render("home.html", config=state.config))
