"""Hot tracks: what Openwhyd's users posted, reposted and liked most this week."""

from app.api.errors import ApiError
from app.ui.router import Match
from app.ui.screen import Screen, load_failed
from app.ui.state import AppState
from app.ui.templates import render

TITLE = "Hot tracks · Tonearm"
LIMIT = 50


async def show(match: Match, state: AppState) -> Screen:
    try:
        hot = await state.services.openwhyd.hot_tracks(limit=LIMIT)
    except ApiError as error:
        return load_failed(TITLE, "Hot tracks could not be loaded", error.message)
    tracks = tuple(item.track for item in hot.tracks)
    state.lists["hot"] = tracks
    scores = [f"{item.love_count} likes · {item.post_count} posts" for item in hot.tracks]
    return Screen(TITLE, render("hot.html", tracks=tracks, scores=scores))
