"""The queue, visible and editable: opened from the player bar, it plays, moves or removes any
entry; and any list's tracks can be put next or last in it."""

from app.player.time_format import clock
from app.ui.components.feedback import announce
from app.ui.components.reorder import focus_after_move
from app.ui.core.app import App
from app.ui.core.tasks import Action
from app.ui.core.templates import render

REGION = "queue"


def render_queue(app: App) -> None:
    """The panel follows the player; closed, its region is empty."""
    state = app.state
    markup = render("queue.html", queue=state.player.queue, clock=clock) if state.queue_open else ""
    app.page.set_html(REGION, markup)


def _title(entry: object) -> str:
    return getattr(entry.item, "name", "") or "Untitled"


async def jump(app: App, data: dict[str, str]) -> None:
    app.state.player.jump_to(int(data["key"]))


async def remove(app: App, data: dict[str, str]) -> None:
    """Focus moves to the entry that took the removed one's place, or to the heading."""
    queue = app.state.player.queue
    key = int(data["key"])
    index = next(i for i, entry in enumerate(queue.entries) if entry.key == key)
    title = _title(queue.entries[index])
    app.state.player.remove(key)
    entries = app.state.player.queue.entries
    app.page.focus(f"queue-remove-{entries[min(index, len(entries) - 1)].key}" if entries else "queue-title")
    announce(app, f"{title} is out of the queue.")


async def move(app: App, data: dict[str, str]) -> None:
    """A move button or a drop: `from` and `to` are positions in the queue as shown."""
    entries = app.state.player.queue.entries
    start, end = int(data["from"]), int(data["to"])
    if start == end or not (0 <= start < len(entries) and 0 <= end < len(entries)):
        return
    entry = entries[start]
    app.state.player.move(entry.key, end)
    app.page.focus(f"queue-{focus_after_move(start, end, len(entries))}-{entry.key}")
    announce(app, f"{_title(entry)} is now at position {end + 1} of {len(entries)} in the queue.")


def _listed(app: App, data: dict[str, str]) -> object | None:
    found = app.state.listed(data)
    return None if found is None else found[0][found[1]]


async def play_next(app: App, data: dict[str, str]) -> None:
    item = _listed(app, data)
    if item is not None:
        app.state.player.play_next([item])
        announce(app, f"{getattr(item, 'name', '') or 'The track'} plays next.")


async def add_to_queue(app: App, data: dict[str, str]) -> None:
    item = _listed(app, data)
    if item is not None:
        app.state.player.enqueue([item])
        announce(app, f"{getattr(item, 'name', '') or 'The track'} is added to the queue.")


ACTIONS: dict[str, Action] = {
    "queue-play": jump,
    "queue-remove": remove,
    "queue-move": move,
    "play-next": play_next,
    "add-to-queue": add_to_queue,
}
