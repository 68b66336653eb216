"""One playlist: its tracks in the owner's order, ready to play from any of them."""

from app.api.errors import ApiError, NotFound
from app.ui.router import Match
from app.ui.screen import Screen
from app.ui.state import AppState
from app.ui.templates import render

PAGE = 100


async def show(match: Match, state: AppState) -> Screen:
    client = state.services.openwhyd
    number = match.params["n"]
    try:
        owner = await client.user(match.params["user"])
        playlist = next((p for p in owner.playlists if str(p.id) == number), None)
        if playlist is None:
            raise NotFound()
        page = await client.playlist_tracks(owner.id, playlist.id, limit=PAGE, after=match.query.get("after"))
    except NotFound:
        return Screen("Not found · Tonearm", render("not_found.html", path=match.path))
    except ApiError as error:
        failure = render("list_error.html", title="This playlist could not be loaded", message=error.message)
        return Screen("Playlist · Tonearm", failure)
    list_key = f"playlist:{owner.id}:{playlist.id}"
    state.lists[list_key] = page.tracks
    more = None
    if page.has_more and page.tracks:
        last = page.tracks[-1]
        more = {"after": str(last.order if last.order is not None else last.id)}
    artwork = next((track.image for track in page.tracks if track.image), None)
    markup = render("playlist.html", playlist=playlist, owner=owner, handle=match.params["user"],
                    tracks=page.tracks, list_key=list_key, more=more, image=client.resource_url(artwork))
    return Screen(f"{playlist.name} · Tonearm", markup)
