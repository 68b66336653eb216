"""Any `#/…` path no route claims."""

from app.ui.core.router import Match
from app.ui.core.screen import Screen, not_found
from app.ui.core.state import AppState


async def show(match: Match, state: AppState) -> Screen:
    return not_found(match.path)
