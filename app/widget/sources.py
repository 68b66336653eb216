"""What an embed URL asks for: an Openwhyd list (a profile's tracks, a playlist, likes, hot tracks)
or a heavy patch's web build; where each one's data is, and its page in the full app."""

from app.openwhyd import paths
from app.widget.urls import query

LIST_LENGTH = 100
"""Tracks the widget lists: the top of a list; the full app pages through the rest."""


class SourceError(ValueError):
    """The URL names nothing the widget can show; the message says what to write instead."""


class OpenwhydList:
    """`kind` is "profile", "playlist", "likes" or "hot"; `user` a handle or an id."""

    def __init__(self, kind: str, user: str = "", playlist: str = "") -> None:
        self.kind = kind
        self.user = user
        self.playlist = playlist

    @property
    def uses_jsonp(self) -> bool:
        """Openwhyd answers JSONP on library routes only: not on `/hot` (reference §1.5)."""
        return self.kind != "hot"

    def data_url(self, api: str, callback: str = "") -> str:
        pairs = [("format", "json"), ("limit", str(LIST_LENGTH))]
        if callback:
            pairs.append(("callback", callback))
        return api.rstrip("/") + self._path() + query(pairs)

    def _path(self):
        if self.kind == "hot":
            return paths.HOT
        if self.kind == "playlist":
            return paths.playlist_path(self.user, self.playlist)
        return paths.likes_path(self.user) if self.kind == "likes" else paths.user_path(self.user)

    def app_location(self) -> str:
        """The list's screen in the full app (its hash routes)."""
        if self.kind == "hot":
            return paths.APP_HOT
        if self.kind == "playlist":
            return paths.app_playlist(self.user, self.playlist)
        return paths.app_likes(self.user) if self.kind == "likes" else paths.app_profile(self.user)

    def fallback_title(self) -> str:
        """The title while the list has no track to name it after."""
        if self.kind == "hot":
            return "Hot tracks"
        if self.kind == "playlist":
            return "Playlist " + self.playlist
        return "Liked by " + self.user if self.kind == "likes" else self.user


class HeavyPatch:
    """A public heavy patch, played from the newest version's `web/local` build."""

    kind = "patch"

    def __init__(self, owner: str, name: str) -> None:
        self.owner = owner
        self.name = name

    def _key(self):
        return paths.quote(self.owner) + "/" + paths.quote(self.name)

    def info_url(self, heavy: str) -> str:
        return heavy.rstrip("/") + "/a/patches/" + self._key()

    def build_url(self, heavy: str) -> str:
        """The folder of the web build: `heavy-player.js`, `patch.json` and the WebAssembly."""
        return heavy.rstrip("/") + "/h/" + self._key() + "/latest/web/local/"

    def app_location(self) -> str:
        return "#/heavy/p/" + self._key()

    def fallback_title(self) -> str:
        return self.name


def choose(params: dict) -> OpenwhydList | HeavyPatch:
    """The source the URL's parameters name; `SourceError` when they make no sense."""
    patch = params.get("patch", "").strip()
    if patch:
        parts = patch.split("/")
        if len(parts) != 2 or not parts[0] or not parts[1]:
            raise SourceError("Name the patch as patch=owner/name.")
        return HeavyPatch(parts[0], parts[1])
    user, playlist, likes = paths.embedded_list(params)
    if not user:
        if playlist or likes:
            raise SourceError("Say whose list to play: add u=<handle or id>.")
        return OpenwhydList("hot")
    if playlist:
        if not all(char in "0123456789" for char in playlist):
            raise SourceError("A playlist is a number: pl=0, pl=1…")
        return OpenwhydList("playlist", user, playlist)
    return OpenwhydList("likes" if likes else "profile", user)
