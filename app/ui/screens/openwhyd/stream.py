"""The stream: the tracks of the signed-in user and of the people they follow, newest first. The
home screen shows it too, to whoever is signed in."""

from markupsafe import Markup

from app.api.errors import ApiError
from app.openwhyd.models import Track
from app.ui.components import long_list
from app.ui.components.paged_list import Chunk
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen, sign_in_first
from app.ui.core.state import AppState
from app.ui.core.templates import render
from app.ui.core.wording import counted

TITLE = "Your stream · Tonearm"
PAGE = 30
LIST_KEY = "stream"


def activity(track: Track) -> str:
    """What people did with a track since it was posted, for the end of its row."""
    counts = ((len(track.lovers), "like"), (len(track.comments), "comment"), (track.repost_count, "repost"))
    return " · ".join(counted(count, noun) for count, noun in counts if count)


async def section(state: AppState, after: str | None = None) -> Markup:
    """The stream's own markup (escaped by its templates), for this screen and the home screen."""
    client = state.services.openwhyd

    async def fetch(cursor: str | None, size: int) -> Chunk:
        return long_list.chunk_of(await client.stream(limit=size, after=cursor), extra=activity)

    try:
        first = await fetch(after, PAGE)
    except ApiError as error:
        failure = render("list_error.html", title="Your stream could not be loaded", message=error.message)
        return Markup(failure)
    state.lists[LIST_KEY] = first.tracks
    rows = long_list.start(state, LIST_KEY, "Tracks", first, fetch, PAGE) if first.tracks else None
    return Markup(render("stream.html", tracks=first.tracks, list_key=LIST_KEY, rows=rows))


async def show(match: Match, state: AppState) -> Screen:
    if state.session.openwhyd_user is None:
        reason = "Sign in to hear what the people you follow are posting."
        return sign_in_first(TITLE, "Your stream", href("stream"), reason)
    return Screen(TITLE, await section(state, match.query.get("after")))
