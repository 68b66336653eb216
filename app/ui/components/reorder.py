"""Moving an item within a list, by keyboard or by a drop: what a move says, and which button keeps
the focus after it."""

from dataclasses import dataclass

from app.ui.core.payloads import named


@dataclass(frozen=True)
class Move:
    """A move button or a drop: from and to positions in the list as shown."""

    start: int = named("from")
    end: int = named("to")


def focus_after_move(start: int, end: int, count: int) -> str:
    """Which move button of the moved item keeps the focus: the one pressed, unless the item now
    sits at the end where that button is disabled."""
    button = "up" if end < start else "down"
    if (button == "up" and end == 0) or (button == "down" and end == count - 1):
        return "down" if button == "up" else "up"
    return button
