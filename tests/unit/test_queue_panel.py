"""The queue panel against a fake page: what it shows, and what its controls do to the queue."""

import asyncio

from fake_page import FakePage
from fake_ports import fake_ports
from player_harness import TRACKS, Harness
from ui_state import app_state

from app.openwhyd.models import Track
from app.ui.components.player_bar import PLAYER_ACTIONS, player_changed
from app.ui.components.queue_panel import ACTIONS
from app.ui.core.app import App


def queue_app(*tracks: Track) -> tuple[App, FakePage]:
    page = FakePage()
    state = app_state(player=Harness(on_change=lambda change: player_changed(app, change)).player)
    app = App(fake_ports(page), state, {**PLAYER_ACTIONS, **ACTIONS})
    app.mount()
    state.lists["shown"] = tracks
    return app, page


def act(app: App, name: str, **data: str) -> None:
    asyncio.run(app.act(name, data))
    assert not app.page.errors


def titles(page: FakePage) -> list[str]:
    return [part.split("</span>")[0] for part in page.regions["queue"].split('class="queue-title">')[1:]]


def test_the_queue_opens_from_the_player_bar_and_lists_entries_in_play_order() -> None:
    app, page = queue_app(*TRACKS)
    act(app, "play-list", list="shown", index="1")
    assert page.regions["queue"] == ""
    act(app, "toggle-queue")
    assert titles(page) == ["Track 0", "Track 1", "Track 2"]
    assert 'aria-expanded="true"' in page.regions["player"]
    assert page.focused[-1] == "queue-title"
    act(app, "toggle-queue")
    assert page.regions["queue"] == "" and page.focused[-1] == "queue-toggle"


def test_moving_an_entry_keeps_focus_on_its_move_button_and_announces_it() -> None:
    app, page = queue_app(*TRACKS)
    act(app, "play-list", list="shown", index="0")
    act(app, "toggle-queue")
    moved_key = app.state.player.queue.entries[2].key
    button = page.regions["queue"].split(f'id="queue-up-{moved_key}"')[1].split(">")[0]
    assert 'data-from="2" data-to="1"' in button
    act(app, "queue-move", **{"from": "2", "to": "1"})
    assert titles(page) == ["Track 0", "Track 2", "Track 1"]
    assert page.focused[-1] == f"queue-up-{moved_key}"
    assert page.texts["announcer"] == "Track 2 is now at position 2 of 3 in the queue."


def test_removing_an_entry_moves_focus_to_the_entry_in_its_place() -> None:
    app, page = queue_app(*TRACKS)
    act(app, "play-list", list="shown", index="0")
    act(app, "toggle-queue")
    second, third = (entry.key for entry in app.state.player.queue.entries[1:])
    act(app, "queue-remove", key=str(second))
    assert titles(page) == ["Track 0", "Track 2"]
    assert page.focused[-1] == f"queue-remove-{third}"
    act(app, "queue-remove", key=str(third))
    act(app, "queue-remove", key=str(app.state.player.queue.entries[0].key))
    assert "The queue is empty" in page.regions["queue"] and page.focused[-1] == "queue-title"


def test_play_next_and_add_to_queue_take_the_track_from_the_list_on_screen() -> None:
    app, page = queue_app(*TRACKS)
    act(app, "play-list", list="shown", index="0")
    app.state.lists["page"] = (Track(id="x", eid="/fi//a.mp3", name="<b>Extra</b>"),)
    act(app, "play-next", list="page", index="0")
    act(app, "add-to-queue", list="page", index="0")
    act(app, "toggle-queue")
    extra = "&lt;b&gt;Extra&lt;/b&gt;"
    assert titles(page) == ["Track 0", extra, "Track 1", "Track 2", extra]
    assert page.texts["announcer"] == "<b>Extra</b> is added to the queue."


def test_choosing_an_entry_plays_it_and_marks_it_current() -> None:
    app, page = queue_app(*TRACKS)
    act(app, "play-list", list="shown", index="0")
    act(app, "toggle-queue")
    act(app, "queue-play", key=str(app.state.player.queue.entries[2].key))
    assert app.state.player.current.item == TRACKS[2]
    current = page.regions["queue"].split('aria-current="true"')[1]
    assert current.split('class="queue-title">')[1].startswith("Track 2")
