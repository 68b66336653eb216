"""Hot tracks: what Openwhyd's users posted, reposted and liked most this week."""

from app.api.errors import ApiError
from app.ui.components import long_list
from app.ui.components.paged_list import Chunk
from app.ui.core.router import Match
from app.ui.core.screen import Screen, load_failed
from app.ui.core.state import AppState
from app.ui.core.templates import render
from app.ui.core.wording import counted

TITLE = "Hot tracks · Tonearm"
LIMIT = 50
LIST_KEY = "hot"


async def show(match: Match, state: AppState) -> Screen:
    client = state.services.openwhyd

    async def fetch(cursor: str | None, size: int) -> Chunk:
        hot = await client.hot_tracks(skip=int(cursor or 0), limit=size)
        scores = tuple(
            f"{counted(item.love_count, 'like')} · {counted(item.post_count, 'post')}" for item in hot.tracks
        )
        more = None if hot.next_skip is None else str(hot.next_skip)
        return Chunk(tuple(item.track for item in hot.tracks), more, scores)

    try:
        first = await fetch(None, LIMIT)
    except ApiError as error:
        return load_failed(TITLE, "Hot tracks could not be loaded", error.message)
    state.lists[LIST_KEY] = first.tracks
    rows = None
    if first.tracks:
        rows = long_list.start(state, LIST_KEY, "Hot tracks", first, fetch, LIMIT, track_query={"ctx": "hot"})
    return Screen(TITLE, render("hot.html", tracks=first.tracks, rows=rows))
