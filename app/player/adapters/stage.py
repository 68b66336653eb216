"""Where the third-party players' frames live (`player_stage.html`): the stage, shown while a video
plays (YouTube's terms want its player visible, at least 200 by 200), and an inert holder, out of
sight, for the audio widgets of SoundCloud and Deezer."""

import js
from pyscript.ffi import is_none

from app.player.js_types import Element

STAGE, SCREEN, WIDGETS = "player-stage", "player-stage-screen", "player-widgets"
VIDEO_PLACE = "player-stage-video"


def video_place() -> Element:
    """A new, empty element on the shown stage for a video player to take over; whatever played
    there before is gone."""
    place = js.document.createElement("div")
    place.id = VIDEO_PLACE
    js.document.getElementById(SCREEN).replaceChildren(place)
    js.document.getElementById(STAGE).hidden = False
    return place


def hide_video() -> None:
    js.document.getElementById(STAGE).hidden = True
    js.document.getElementById(SCREEN).replaceChildren()


def widget_place(kind: str) -> Element:
    """The element of the holder that keeps the `kind` widget, made on first use; it stays."""
    place_id = f"player-widget-{kind}"
    place = js.document.getElementById(place_id)
    if is_none(place):
        place = js.document.createElement("div")
        place.id = place_id
        js.document.getElementById(WIDGETS).append(place)
    return place
