"""The player's keyboard shortcuts as data: the page's key handler looks commands up here, and the
help dialog lists them."""

from dataclasses import dataclass
from enum import StrEnum

SEEK_STEP = 5.0
"""Seconds the arrow keys seek by."""
VOLUME_STEP = 0.1
"""What the arrow keys change the volume (0 to 1) by."""

_FIELDS = frozenset({"INPUT", "TEXTAREA", "SELECT"})
"""Elements that take keys themselves: typing, choosing, and the seek and volume sliders."""
_PRESSABLE = frozenset({"BUTTON", "SUMMARY"})
"""Elements Space presses: a keyboard user needs Space for them."""


class Command(StrEnum):
    TOGGLE_PLAY = "toggle-play"
    SEEK_BACK = "seek-back"
    SEEK_FORWARD = "seek-forward"
    VOLUME_UP = "volume-up"
    VOLUME_DOWN = "volume-down"
    NEXT = "next"
    PREVIOUS = "previous"
    SHUFFLE = "shuffle"
    REPEAT = "repeat"
    MUTE = "mute"
    HELP = "help"


@dataclass(frozen=True)
class Shortcut:
    key: str
    """The `KeyboardEvent.key` value, in lower case for letters."""
    label: str
    """The key as the help dialog shows it."""
    command: Command
    description: str
    holds: bool = False
    """Whether holding the key down repeats the command; toggles and skips happen once a press."""


SHORTCUTS = (
    Shortcut(" ", "Space", Command.TOGGLE_PLAY, "Play or pause"),
    Shortcut("ArrowLeft", "←", Command.SEEK_BACK, f"Back {SEEK_STEP:g} seconds", holds=True),
    Shortcut("ArrowRight", "→", Command.SEEK_FORWARD, f"Forward {SEEK_STEP:g} seconds", holds=True),
    Shortcut("ArrowUp", "↑", Command.VOLUME_UP, "Volume up", holds=True),
    Shortcut("ArrowDown", "↓", Command.VOLUME_DOWN, "Volume down", holds=True),
    Shortcut("n", "N", Command.NEXT, "Next track"),
    Shortcut("p", "P", Command.PREVIOUS, "Previous track, or the start of this one"),
    Shortcut("s", "S", Command.SHUFFLE, "Shuffle on or off"),
    Shortcut("r", "R", Command.REPEAT, "Repeat: off, all, one"),
    Shortcut("m", "M", Command.MUTE, "Mute or unmute"),
    Shortcut("?", "?", Command.HELP, "Show these shortcuts"),
)

_BY_KEY = {shortcut.key: shortcut for shortcut in SHORTCUTS}


def command_for(
    key: str,
    target_tag: str = "",
    *,
    ctrl: bool = False,
    alt: bool = False,
    meta: bool = False,
    editable: bool = False,
    held: bool = False,
) -> Command | None:
    """The command a key press means, or None to leave the press to the browser: with Ctrl, Alt or
    Meta it is the browser's or the system's; in a form field or an `editable` (contenteditable)
    element it is typing; Space on a button presses the button. `held` is the event's `repeat`."""
    tag = target_tag.upper()
    if ctrl or alt or meta or editable or tag in _FIELDS or (key == " " and tag in _PRESSABLE):
        return None
    shortcut = _BY_KEY.get(key.lower() if len(key) == 1 else key)
    if shortcut is None or (held and not shortcut.holds):
        return None
    return shortcut.command
