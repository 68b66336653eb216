"""Playing a heavy patch: the studio's Play buttons, and the player bar's controls for the patch.

"Play" reads the version's web build first, so the patch enters the queue with its parameters and
a build that cannot play is explained beside the button. The sliders act at every step of a drag.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from app.api.errors import ApiError
from app.player.patch_controls import controls_for, level_text, shown, value_for
from app.player.patch_item import PatchItem
from app.ui.components.feedback import announce
from app.ui.core.app import App
from app.ui.core.ports import Page
from app.ui.core.tasks import Action, Actions

if TYPE_CHECKING:  # the build's reader loads with the first patch played, not at boot
    from app.heavy.web_build import WebBuild

PLAY_STATUS = "play-status"
LEVEL = "patch-level"


class PatchPlayer(Protocol):
    """What the actions need of the patch adapter."""

    async def build(self, url: str) -> "WebBuild": ...

    def set_param(self, name: str, value: float) -> None: ...


def param_output(name: str) -> str:
    """The id of the readout beside parameter `name`'s control (hvcc's names are `\\w+`)."""
    return f"patch-param-{name}-value"


def show_level(page: Page, level: float) -> None:
    """The meter's value and the words beside it, in dB."""
    page.set_value(LEVEL, f"{level:.1f}")
    page.set_text(f"{LEVEL}-text", level_text(level))


@dataclass(frozen=True)
class Version:
    """A version of a patch, and where its web build is."""

    owner: str
    patch: str
    version: int
    url: str


@dataclass(frozen=True)
class Param:
    """A parameter's slider, at some step of a drag."""

    param: str = ""
    value: str = ""


def actions(patches: Callable[[], PatchPlayer]) -> Actions:
    """The actions, given how to get the patch adapter: made with the first patch played."""

    async def play(app: App, chosen: Version) -> None:
        """Put the version right after what plays now, and play it."""
        from app.heavy.web_build import WebBuildError

        patch, version = chosen.patch, chosen.version
        app.page.set_text(PLAY_STATUS, f"Loading the web build of {patch}, version {version}…")
        try:
            build = await patches().build(chosen.url)
        except ApiError as error:
            app.page.set_text(PLAY_STATUS, f"Version {version} cannot play here: {error.message}")
            return
        except WebBuildError as error:
            app.page.set_text(PLAY_STATUS, f"Version {version} cannot play here: {error}")
            return
        item = PatchItem(chosen.owner, patch, version, chosen.url, controls_for(build.params))
        player = app.state.player
        key = player.queue.next_key
        player.play_next([item])
        if player.queue.current_key != key:
            player.jump_to(key)
        app.page.set_text(PLAY_STATUS, "")
        announce(app, f"{patch} plays; its controls are in the player bar.")

    async def set_param(app: App, slider: Param) -> None:
        current = app.state.player.current
        item = current.item if current else None
        if not isinstance(item, PatchItem):
            return
        control = item.control(slider.param)
        value = value_for(control, slider.value) if control else None
        if control is None or value is None:
            return
        item.settings[control.name] = value
        patches().set_param(control.name, value)
        app.page.set_text(param_output(control.name), shown(value))

    return {"heavy-play": Action(play, Version), "patch-param": Action(set_param, Param)}
