"""A queue made from a long list must not end where the pages loaded so far end: as playback comes
near that end, the list's next page is fetched, whether the list is still on screen or the person
went on to other screens while it plays."""

from app.ui.components.long_list import load_more
from app.ui.core.app import App
from app.ui.core.tasks import spawn

AHEAD = 5
"""Entries still to play under which the next page is asked for: pages come in a second or so,
tracks last minutes, but a run of tracks that fail at once goes fast."""


def fetch_ahead(app: App) -> None:
    """Ask for the next page of the list playing when few entries are left to play. The list is
    the one the queue holds: the one remembered, or one of the screen's."""
    state = app.state
    queue = state.player.queue
    candidates = (state.playing_list, *state.long_lists.values())
    playing = next((lst for lst in candidates if lst is not None and queue.holds(lst.tracks)), None)
    state.playing_list = playing
    if playing is not None and len(queue.upcoming) < AHEAD:
        spawn(load_more(app, playing))
