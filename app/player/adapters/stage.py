"""Where the third-party players' frames live (`player_stage.html`): the stage, shown while a video
plays (YouTube's terms want its player visible, at least 200 by 200), and an inert holder, out of
sight, for the audio widgets of SoundCloud and Deezer. Each source keeps its place, and the player
in it, for the whole session: the stage shows the place of the source playing and hides the others."""

import js
from pyscript.ffi import is_none

from app.player.js_types import Element

STAGE, SCREEN, WIDGETS = "player-stage", "player-stage-screen", "player-widgets"


def _place(holder: str, place_id: str) -> Element:
    place = js.document.getElementById(place_id)
    if is_none(place):
        place = js.document.createElement("div")
        place.id = place_id
        js.document.getElementById(holder).append(place)
    return place


def video_place(kind: str) -> Element:
    """A new, empty element in the `kind` source's place on the stage, for its player to take
    over (YouTube's replaces it with its frame): made once, when that player is made."""
    element = js.document.createElement("div")
    element.id = f"player-stage-{kind}-player"
    _place(SCREEN, f"player-stage-{kind}").replaceChildren(element)
    return element


def show_video(kind: str) -> None:
    """The stage, showing the `kind` source's place only."""
    for place in js.document.getElementById(SCREEN).children:
        place.hidden = place.id != f"player-stage-{kind}"
    js.document.getElementById(STAGE).hidden = False


def hide_video() -> None:
    js.document.getElementById(STAGE).hidden = True


def widget_place(kind: str) -> Element:
    """The element of the holder that keeps the `kind` widget, made on first use; it stays."""
    return _place(WIDGETS, f"player-widget-{kind}")
