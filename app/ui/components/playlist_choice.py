"""Where a track goes: no playlist, one of yours, or a new one. The add, repost and edit forms all
ask it with `playlist_choice.html`, and read the answer here."""

from collections.abc import Sequence
from dataclasses import dataclass

from app.api.errors import BadRequest
from app.openwhyd.models import Playlist, PlaylistRef

NEW = "new"
"""The `playlist` field's value for "a new playlist", named by `new_playlist`."""


@dataclass(frozen=True)
class PlaylistChoice:
    existing: PlaylistRef | None = None
    new_name: str | None = None


def chosen_playlist(value: str, new_name: str, playlists: Sequence[Playlist]) -> PlaylistChoice:
    """The choice in a submitted form (its `playlist` and `new_playlist` fields); a refusal a person
    can act on if it makes no sense."""
    if value == NEW:
        name = new_name.strip()
        if not name:
            raise BadRequest("Name the new playlist.")
        return PlaylistChoice(new_name=name)
    if not value:
        return PlaylistChoice()
    playlist = next((p for p in playlists if str(p.id) == value), None)
    if playlist is None:
        raise BadRequest("That playlist does not exist any more; choose another one.")
    return PlaylistChoice(existing=playlist.ref)
