"""The Export menu of a profile's tracks, a playlist or likes: the whole list, paged through with the
client's iterators, handed to the browser as a file in the format chosen."""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from urllib.parse import urljoin

from app.api.errors import ApiError
from app.openwhyd.client import OpenwhydClient
from app.openwhyd.export import FORMATS, ExportFormat, ListInfo
from app.openwhyd.models import Track
from app.ui.core.app import App
from app.ui.core.tasks import Action, Actions
from app.ui.core.wording import counted

PAGE_SIZE = 100
"""Tracks per request where Openwhyd lets the client choose (likes come 20 at a time)."""

STATUS = "export-status"


@dataclass(frozen=True)
class Export:
    """Which list, whose, under what title, in which format (one of `FORMATS`)."""

    format: str
    source: str
    title: str
    user: str
    playlist: str = ""


def menu(source: str, title: str, user: str, playlist: str = "") -> dict:
    """What `export_menu.html` needs: the formats, and the data attributes its buttons send."""
    data = {"source": source, "title": title, "user": user, "playlist": playlist}
    return {"formats": FORMATS, "data": data}


def filename(title: str, export_format: ExportFormat) -> str:
    """The list's title, without what file systems reserve, and the format's extension."""
    kept = "".join(char if char.isalnum() or char in " -_" else "-" for char in title)
    return (" ".join(kept.split()).strip("-") or "tracks") + export_format.extension


def every_track(client: OpenwhydClient, export: Export) -> AsyncIterator[Track]:
    if export.source == "playlist":
        return client.iter_playlist_tracks(export.user, export.playlist, page_size=PAGE_SIZE)
    if export.source == "likes":
        return client.iter_liked_tracks(export.user)
    return client.iter_profile_tracks(export.user, page_size=PAGE_SIZE)


def service_url(app: App) -> str:
    """The Openwhyd service's absolute address: its base, resolved against the page's."""
    return urljoin(app.state.config.page_url, app.state.services.openwhyd.base_url + "/")


async def export_tracks(app: App, export: Export) -> None:
    export_format = FORMATS[export.format]
    tracks = []
    try:
        async for track in every_track(app.state.services.openwhyd, export):
            tracks.append(track)
            app.page.set_text(STATUS, f"Reading the list… {counted(len(tracks), 'track')}")
    except ApiError as error:
        app.page.set_text(
            STATUS, f"The export stopped after {counted(len(tracks), 'track')}: {error.message}"
        )
        return
    content = export_format.render(tracks, ListInfo(export.title, service_url(app))).encode()
    app.ports.downloads.save(filename(export.title, export_format), content, export_format.media_type)
    app.page.set_text(STATUS, f"Exported {counted(len(tracks), 'track')} as {export_format.name}.")


ACTIONS: Actions = {"export-tracks": Action(export_tracks, Export)}
