"""Which adapter plays an item: by its eId's source for tracks, the patch adapter for patches.
Adapters are made on first use, so a source's third-party script loads only when a track of that
source plays."""

from collections.abc import Callable, Mapping

from app.openwhyd.eid import (
    BANDCAMP,
    DAILYMOTION,
    DEEZER,
    JAMENDO,
    SOUNDCLOUD,
    SPOTIFY,
    VIMEO,
    YOUTUBE,
    source_kind,
)
from app.player.adapter import AnyAdapter
from app.player.controller import Unplayable
from app.player.patch_item import PATCH, PatchItem

SOURCE_NAMES = {
    YOUTUBE: "YouTube",
    SOUNDCLOUD: "SoundCloud",
    VIMEO: "Vimeo",
    DAILYMOTION: "Dailymotion",
    DEEZER: "Deezer",
    BANDCAMP: "Bandcamp",
    JAMENDO: "Jamendo",
    SPOTIFY: "Spotify",
}


class Sources:
    def __init__(self, factories: Mapping[str, Callable[[], AnyAdapter]]) -> None:
        self._factories = factories
        self._made: dict[str, AnyAdapter] = {}

    def __call__(self, item: object) -> AnyAdapter | Unplayable:
        kind = PATCH if isinstance(item, PatchItem) else source_kind(getattr(item, "eid", "")) or ""
        if kind in self._made:
            return self._made[kind]
        factory = self._factories.get(kind)
        if factory is None:
            name = SOURCE_NAMES.get(kind, "this source")
            return Unplayable(kind or "unknown", f"{name} tracks cannot be played in Tonearm yet")
        self._made[kind] = factory()
        return self._made[kind]
