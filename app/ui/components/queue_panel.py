"""The queue, visible and editable: opened from the player bar, it plays, moves or removes any
entry; and any list's tracks can be put next or last in it."""

from dataclasses import dataclass
from typing import Any

from app.player.queue import Entry
from app.player.time_format import clock
from app.ui.components.feedback import announce
from app.ui.components.reorder import Move, focus_after_move
from app.ui.core.app import App
from app.ui.core.state import Row
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render

REGION = "queue"


def render_queue(app: App) -> None:
    """The panel follows the player; closed, its region is empty."""
    state = app.state
    markup = render("queue.html", queue=state.player.queue, clock=clock) if state.queue_open else ""
    app.page.set_html(REGION, markup)


def _title(entry: Entry[Any]) -> str:
    return getattr(entry.item, "name", "") or "Untitled"


@dataclass(frozen=True)
class QueueEntry:
    """An entry of the queue, by its key."""

    key: int


async def jump(app: App, entry: QueueEntry) -> None:
    app.state.player.jump_to(entry.key)


async def remove(app: App, removed: QueueEntry) -> None:
    """Focus moves to the entry that took the removed one's place, or to the heading."""
    queue = app.state.player.queue
    key = removed.key
    index = next(i for i, entry in enumerate(queue.entries) if entry.key == key)
    title = _title(queue.entries[index])
    app.state.player.remove(key)
    entries = app.state.player.queue.entries
    app.page.focus(f"queue-remove-{entries[min(index, len(entries) - 1)].key}" if entries else "queue-title")
    announce(app, f"{title} is out of the queue.")


async def move(app: App, moved: Move) -> None:
    entries = app.state.player.queue.entries
    start, end = moved.start, moved.end
    if start == end or not (0 <= start < len(entries) and 0 <= end < len(entries)):
        return
    entry = entries[start]
    app.state.player.move(entry.key, end)
    app.page.focus(f"queue-{focus_after_move(start, end, len(entries))}-{entry.key}")
    announce(app, f"{_title(entry)} is now at position {end + 1} of {len(entries)} in the queue.")


def _listed(app: App, row: Row) -> object | None:
    found = app.state.listed(row)
    return None if found is None else found[0][found[1]]


async def play_next(app: App, row: Row) -> None:
    item = _listed(app, row)
    if item is not None:
        app.state.player.play_next([item])
        announce(app, f"{getattr(item, 'name', '') or 'The track'} plays next.")


async def add_to_queue(app: App, row: Row) -> None:
    item = _listed(app, row)
    if item is not None:
        app.state.player.enqueue([item])
        announce(app, f"{getattr(item, 'name', '') or 'The track'} is added to the queue.")


ACTIONS: Actions = {
    "queue-play": Action(jump, QueueEntry),
    "queue-remove": Action(remove, QueueEntry),
    "queue-move": Action(move, Move),
    "play-next": Action(play_next, Row),
    "add-to-queue": Action(add_to_queue, Row),
}
