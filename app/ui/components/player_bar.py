"""The player bar: drawn from the player's state, and the actions its controls and the lists send.
What the player reports goes to Openwhyd elsewhere (`app/ui/core/playlog_wiring.py`): the bar only draws."""

from collections.abc import Callable
from dataclasses import dataclass

from app.player.controller import Change, Player
from app.player.keys import SEEK_STEP, VOLUME_STEP, Command, command_for
from app.player.time_format import clock
from app.ui.components.fetch_ahead import fetch_ahead
from app.ui.components.media_session import show_media
from app.ui.components.queue_panel import render_queue
from app.ui.core.app import App
from app.ui.core.payloads import NoData
from app.ui.core.state import Row
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render

SHORTCUTS_DIALOG = "shortcuts"


def player_changed(app: App, change: Change) -> None:
    """Progress moves only the time and the seek bar; anything else redraws the bar."""
    player = app.state.player
    show_media(app, change)
    if change is Change.PROGRESS:
        app.page.set_text("player-elapsed", clock(player.position, player.duration))
        app.page.set_value("player-seek", str(round(player.position, 1)))
        return
    bar = render(
        "player.html", player=player, clock=clock, queue_open=app.state.queue_open, viewer=app.state.viewer()
    )
    app.page.set_html("player", bar)
    render_queue(app)
    app.highlight_current()
    fetch_ahead(app)


MEDIA_KEYS = {
    "play": "media-play",
    "pause": "media-pause",
    "nexttrack": Command.NEXT,
    "previoustrack": Command.PREVIOUS,
    "seekbackward": Command.SEEK_BACK,
    "seekforward": Command.SEEK_FORWARD,
    "seekto": "seek",
}
"""The operating system's media keys (Media Session actions) and the player actions they run;
`seekto` comes with the time to go to."""


async def play_list(app: App, row: Row) -> None:
    found = app.state.listed(row)
    if found is not None:
        app.state.player.play_list(*found)


@dataclass(frozen=True)
class Slider:
    """Where a slider was let go."""

    value: float


async def seek(app: App, slider: Slider) -> None:
    app.state.player.seek(slider.value)


async def volume(app: App, slider: Slider) -> None:
    app.state.player.set_volume(slider.value / 100)


def command(method: Callable[[Player], None]) -> Action[NoData]:
    """An action that is one call on the player, like most of the bar's buttons."""

    async def run(app: App, _: NoData) -> None:
        method(app.state.player)

    return Action(run)


async def toggle_queue(app: App, _: NoData) -> None:
    app.state.queue_open = not app.state.queue_open
    player_changed(app, Change.ALL)
    app.page.focus("queue-title" if app.state.queue_open else "queue-toggle")


async def show_shortcuts(app: App, _: NoData) -> None:
    app.page.open_dialog(SHORTCUTS_DIALOG)


def shortcut_action(key: str, target_tag: str, **flags: bool) -> str | None:
    """The action a key press runs: the player's actions are named after the shortcut commands."""
    found = command_for(key, target_tag, **flags)
    return found.value if found else None


PLAYER_ACTIONS: Actions = {
    "play-list": Action(play_list, Row),
    "seek": Action(seek, Slider),
    "volume": Action(volume, Slider),
    "toggle-queue": Action(toggle_queue),
    Command.TOGGLE_PLAY: command(Player.toggle),
    "media-play": command(lambda player: None if player.playing else player.toggle()),
    "media-pause": command(lambda player: player.toggle() if player.playing else None),
    Command.NEXT: command(Player.next),
    Command.PREVIOUS: command(Player.previous),
    Command.MUTE: command(Player.toggle_mute),
    Command.SHUFFLE: command(Player.toggle_shuffle),
    Command.REPEAT: command(Player.cycle_repeat),
    Command.SEEK_BACK: command(lambda player: player.seek(player.position - SEEK_STEP)),
    Command.SEEK_FORWARD: command(lambda player: player.seek(player.position + SEEK_STEP)),
    Command.VOLUME_UP: command(lambda player: player.set_volume(player.volume + VOLUME_STEP)),
    Command.VOLUME_DOWN: command(lambda player: player.set_volume(player.volume - VOLUME_STEP)),
    Command.HELP: Action(show_shortcuts),
}
