"""Any `#/…` path no route claims."""

from app.ui.router import Match
from app.ui.screen import Screen
from app.ui.state import AppState
from app.ui.templates import render


async def show(match: Match, state: AppState) -> Screen:
    return Screen("Not found · Tonearm", render("not_found.html", path=match.path))
