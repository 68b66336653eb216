"""Any `#/…` path no route claims."""

from app.ui.router import Match
from app.ui.screen import Screen, not_found
from app.ui.state import AppState


async def show(match: Match, state: AppState) -> Screen:
    return not_found(match.path)
