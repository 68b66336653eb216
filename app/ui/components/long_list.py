"""Long track lists on screen: the first page at once, the next ones as the user scrolls towards
the end, and only the rows near the screen in the page however many are loaded (`virtual_list`
has the arithmetic). No DOM here: the page measures and patches a list through the `ListView` port.

Rows are drawn from the same template as every track list, so playing from a row, the row's links
and the highlight of the track playing work the same in rows drawn later. A list being played
grows the queue as its pages arrive.
"""

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from app.api.errors import ApiError
from app.openwhyd.models import Track, TrackPage
from app.ui.components.paged_list import Chunk, Fetch, LongList
from app.ui.components.virtual_list import Paging, additions, first_window, page_size, window
from app.ui.core.app import App
from app.ui.core.payloads import named
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions, spawn
from app.ui.core.templates import render

FIRST_ROWS = 18
"""Rows a list shows before the page has measured it: a tall phone screen's worth and the overscan."""
LARGEST_PAGE = 500
"""Reading a page blocks the page while Python parses it: 500 tracks is a frame or few (1000 made
the scroll stutter in the benchmark), and 10,000 tracks still take only 22 requests."""


def post_cursor(track: Track) -> str:
    return track.id


def chunk_of(
    page: TrackPage,
    cursor_of: Callable[[Track], str] = post_cursor,
    extra: Callable[[Track], str] | None = None,
) -> Chunk:
    """A page of a list that goes on `after` the last track's cursor."""
    more = page.has_more and bool(page.tracks)
    extras = tuple(extra(track) for track in page.tracks) if extra else ()
    return Chunk(page.tracks, cursor_of(page.tracks[-1]) if more else None, extras)


def playing_id(state: AppState) -> str | None:
    current = state.player.current
    return current.item.id if current else None


def start(
    state: AppState,
    key: str,
    label: str,
    first: Chunk,
    fetch: Fetch,
    first_page: int,
    *,
    total: int | None = None,
    track_query: dict[str, str] | None = None,
) -> Markup:
    """Put a list on the screen being drawn: its markup (the first rows and the state of paging),
    and the list in the state, where playing, scrolling and paging find it. A screen has its own
    lists only: those of the screen before are forgotten."""
    lst = LongList(
        key, label, fetch, first_page, first.tracks, Paging(first.cursor), first.extras, total, track_query
    )
    lst.shown = first_window(len(lst.tracks), FIRST_ROWS)
    state.long_lists.clear()
    state.long_lists[key] = lst
    state.lists[key] = lst.tracks
    rows = lst.rows(lst.shown.start, lst.shown.end, playing_id(state), state.viewer())
    return Markup(render("long_list.html", lst=lst, **rows))


def status(lst: LongList) -> str:
    return render("list_status.html", lst=lst)


def show_window(app: App, key: str) -> None:
    """Draw the rows of list `key` that are on screen or near it, as the page measures it now;
    and ask for the next page when the end of the rows known comes near. The page calls this
    when the list appears, and on scrolling and resizing, once a frame."""
    lst = app.state.long_lists.get(key)
    if lst is None:
        return
    page = app.ports.lists
    geometry = page.list_geometry(lst.rows_id)
    if geometry is None or geometry.row <= 0:  # not laid out (hidden): nothing to place yet
        return
    wanted = window(geometry.row, geometry.viewport, -geometry.top, len(lst.tracks))
    if wanted != lst.shown or geometry.shown != (wanted.start, wanted.end):
        above, below = additions(geometry.shown, wanted)
        state = app.state
        page.patch_list(lst.rows_id, wanted, draw_rows(lst, above, state), draw_rows(lst, below, state))
        lst.shown = wanted
    if lst.paging.wants_more(wanted.end, len(lst.tracks)):
        spawn(load_more(app, lst))


def draw_rows(lst: LongList, span: range, state: AppState) -> str:
    if not span:
        return ""
    rows = lst.rows(span.start, span.stop, playing_id(state), state.viewer())
    return render("track_list.html", rows_only=True, **rows)


async def load_more(app: App, lst: LongList) -> None:
    """Fetch the next page (one request at a time), add it to the list, and to the queue when the
    queue is this list as it was, on screen or not; on a failure, the list's status offers to try
    again."""
    if lst.paging.loading or lst.paging.complete:
        return
    page = app.ports.lists
    lst.paging = lst.paging.started()
    page.set_list_status(lst.status_id, status(lst))
    try:
        chunk = await lst.fetch(lst.paging.cursor, page_size(len(lst.tracks), lst.first_page, LARGEST_PAGE))
    except ApiError as error:
        lst.paging = lst.paging.failed(error.message)
        page.set_list_status(lst.status_id, status(lst))
        return
    known = lst.tracks
    lst.tracks += chunk.tracks
    lst.extras += chunk.extras
    lst.paging = lst.paging.loaded(chunk.cursor if chunk.tracks else None)
    player = app.state.player
    if chunk.tracks and player.queue.holds(known):
        player.extend_list(chunk.tracks)
    if app.state.long_lists.get(lst.key) is not lst:
        return  # the screen moved on: this list is no longer shown or played from there
    app.state.lists[lst.key] = lst.tracks
    page.set_list_status(lst.status_id, status(lst))
    show_window(app, lst.key)


@dataclass(frozen=True)
class ListButton:
    list_key: str = named("list")


async def more(app: App, button: ListButton) -> None:
    """The list's "More tracks" and "Try again" buttons."""
    lst = app.state.long_lists.get(button.list_key)
    if lst is not None:
        await load_more(app, lst)


ACTIONS: Actions = {"list-more": Action(more, ListButton)}
