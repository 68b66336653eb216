"""A heavy patch in the play queue: one version's web build, played like a track.

It answers what the queue, the player bar and the lists ask of a track (`id`, `name`, `user_name`,
`image`), so they need nothing of their own for patches.
"""

from dataclasses import dataclass, field

from app.player.patch_controls import Control

PATCH = "heavy"
"""The source kind of patches, beside the eId sources of tracks ("yt", "fi", …)."""


@dataclass(frozen=True)
class PatchItem:
    owner: str
    patch: str
    version: int
    build_url: str
    """Where the client downloads the version's `web/local` archive."""
    controls: tuple[Control, ...] = ()
    settings: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
    """What the listener set parameters to: kept with the queue entry, so a redraw of the player
    bar and a replay of the entry keep them."""
    image = None  # no cover art: the player bar shows its placeholder

    @property
    def id(self) -> str:
        return f"{PATCH}:{self.owner}/{self.patch}/{self.version}"

    @property
    def name(self) -> str:
        return self.patch

    @property
    def user_name(self) -> str:
        return self.owner

    def control(self, name: str) -> Control | None:
        return next((control for control in self.controls if control.name == name), None)

    def value(self, control: Control) -> float:
        """Where the control stands: the listener's setting, else the patch's default."""
        return self.settings.get(control.name, control.default)
