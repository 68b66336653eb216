"""The tracks of a list as the widget shows and plays them, read from Openwhyd's JSON replies."""

from app.openwhyd.eid import AUDIO_FILE, BANDCAMP, source_kind, url_from_eid
from app.openwhyd.paths import app_track
from app.widget.sources import LIST_LENGTH
from app.widget.urls import is_web_url, on_server, under_base


class ListError(Exception):
    """The list could not be read; the message is for the listener."""


class Track:
    """`stream` is what an <audio> element can play (None: only the full app can); `link` is
    the track's page in the full app; `playlist` the name of the playlist it was posted to."""

    def __init__(
        self, pid: str, name: str, by: str, image: str | None, stream: str | None, playlist: str = ""
    ) -> None:
        self.pid = pid
        self.name = name
        self.by = by
        self.image = image
        self.stream = stream
        self.playlist = playlist
        self.link = app_track(pid)


def stream_url(eid: str, api: str) -> str | None:
    """Audio files (`/fi/`), and Bandcamp tracks whose eId carries their stream (`/bc/…#https://…`)."""
    kind = source_kind(eid)
    if kind == AUDIO_FILE:
        return on_server(api, url_from_eid(eid))
    if kind == BANDCAMP and "#" in eid:
        stream = eid.split("#", 1)[1]
        return stream if is_web_url(stream) else None
    return None


def _text(value):
    return value if isinstance(value, str) else ""


def track_from(post: dict, api: str) -> Track:
    image = _text(post.get("img"))
    playlist = post.get("pl")
    return Track(
        pid=_text(post.get("_id")) or _text(post.get("pId")),
        name=_text(post.get("name")) or "Untitled",
        by=_text(post.get("uNm")),
        image=under_base(api, image) if image else None,
        stream=stream_url(_text(post.get("eId")), api),
        playlist=_text(playlist.get("name")) if isinstance(playlist, dict) else "",
    )


def tracks_from(reply: object, api: str) -> list:
    """The tracks of a list reply: posts, or hot tracks' `{"tracks": [...]}`; `ListError` for
    Openwhyd's refusals (`{"error": …}`, or a bare message for a playlist that does not exist)."""
    if isinstance(reply, dict):
        if "tracks" not in reply:
            raise ListError(_text(reply.get("error")) or "This list could not be read.")
        reply = reply["tracks"]
    if isinstance(reply, str):
        raise ListError("This playlist does not exist.")
    if not isinstance(reply, list):
        raise ListError("This list could not be read.")
    posts = [post for post in reply if isinstance(post, dict)]
    return [track_from(post, api) for post in posts[:LIST_LENGTH]]


def heading(source: object, tracks: list) -> tuple:
    """(title, byline): a playlist's name and owner, or a profile's owner, come with its tracks."""
    title = source.fallback_title()
    first = tracks[0] if tracks else None
    if first is None or source.kind in ("hot", "likes"):
        return title, ""
    if source.kind == "playlist":
        return first.playlist or title, ("by " + first.by if first.by else "")
    return first.by or title, ""


def next_playable(tracks: list, index: int, step: int) -> int | None:
    """The nearest track after (`step` 1) or before (-1) `index` that the widget can play."""
    index += step
    while 0 <= index < len(tracks):
        if tracks[index].stream:
            return index
        index += step
    return None
