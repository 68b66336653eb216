"""One playlist: its tracks in the owner's order, ready to play from any of them. Its owner adds,
renames, deletes and rearranges here; rearranging has its own location (`…/arrange`), where the
whole list is loaded so that any track can move anywhere."""

from dataclasses import dataclass

from app.api.errors import ApiError, BadRequest, NotFound
from app.openwhyd.account_forms import PICTURE_TYPES, FieldProblem
from app.openwhyd.client import OpenwhydClient
from app.openwhyd.models import Playlist, Track, User
from app.openwhyd.paths import playlist_key
from app.ui.components import export_menu, long_list
from app.ui.components.embed_snippet import embed_code
from app.ui.components.feedback import announce, refuse
from app.ui.components.paged_list import Chunk, Fetch
from app.ui.components.picked import picked_picture
from app.ui.components.reorder import Move, focus_after_move
from app.ui.core.app import App
from app.ui.core.payloads import form_values, named
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen, load_failed, not_found
from app.ui.core.session import profile_name
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render

PAGE = 100
FORMS = ("playlist", "rename", "image")
"""Where this screen shows a refusal: the playlist's own (delete, move), the rename and image forms'."""
IMAGE_INPUT = "playlist-image-file"


def moved(tracks: tuple[Track, ...], start: int, end: int) -> tuple[Track, ...]:
    """`tracks` with the one at `start` taken out and put back at `end`."""
    rest = tracks[:start] + tracks[start + 1 :]
    return (*rest[:end], tracks[start], *rest[end:])


def playlist_cursor(track: Track) -> str:
    """Where the next page starts: after this `order` once the playlist is ordered, else after this
    post id."""
    return str(track.order) if track.order is not None else track.id


def playlist_fetch(client: OpenwhydClient, owner: User, playlist: Playlist) -> Fetch:
    async def fetch(cursor: str | None, size: int) -> Chunk:
        page = await client.playlist_tracks(owner.id, playlist.id, limit=size, after=cursor)
        return long_list.chunk_of(page, playlist_cursor)

    return fetch


async def whole_playlist(client: OpenwhydClient, owner: User, playlist: Playlist) -> tuple[Track, ...]:
    walk = client.iter_playlist_tracks(owner.id, playlist.id, page_size=PAGE)
    return tuple([track async for track in walk])


async def show(match: Match, state: AppState) -> Screen:
    client = state.services.openwhyd
    me = state.session.openwhyd_user
    number = match.params["n"]
    try:
        owner = await client.user(match.params["user"])
        playlist = next((p for p in owner.playlists if str(p.id) == number), None)
        if playlist is None:
            raise NotFound()
        mine = me is not None and me.id == owner.id
        arranging = mine and match.name == "playlist-arrange"
        after = match.query.get("after")
        fetch = playlist_fetch(client, owner, playlist)
        if arranging:
            tracks = await whole_playlist(client, owner, playlist)
        else:
            first = await fetch(after, PAGE)
            tracks = first.tracks
    except NotFound:
        return not_found(match.path)
    except ApiError as error:
        return load_failed("Playlist · Tonearm", "This playlist could not be loaded", error.message)
    list_key = f"playlist:{owner.id}:{playlist.id}"
    state.lists[list_key] = tracks
    rows = None
    if tracks and not arranging:
        rows = long_list.start(
            state, list_key, "Tracks", first, fetch, PAGE, total=None if after else playlist.track_count
        )
    version = state.image_versions.get(playlist_key(owner.id, playlist.id))
    image = client.playlist_image_url(owner.id, playlist.id, version)
    markup = render(
        "playlist.html",
        playlist=playlist,
        owner=owner,
        handle=match.params["user"],
        tracks=tracks,
        list_key=list_key,
        rows=rows,
        image=image,
        mine=mine,
        arranging=arranging,
        viewer=state.viewer(),
        export=export_menu.menu("playlist", playlist.name, owner.id, str(playlist.id)),
        embed=embed_code(state.config, match.params["user"], str(playlist.id), title=playlist.name),
        notices={form: state.take_notice(form) for form in FORMS},
        picture_types=PICTURE_TYPES,
    )
    return Screen(f"{playlist.name} · Tonearm", markup)


@dataclass(frozen=True)
class OwnPlaylist:
    """The owner's own playlist an action is about, by its number."""

    playlist: str


@dataclass(frozen=True)
class Rename(OwnPlaylist):
    name: str = ""


@dataclass(frozen=True)
class TrackMove(Move):
    """A move in the list on screen (`list`) of the playlist being rearranged."""

    list_key: str = named("list")
    playlist: str = named("playlist")


async def rename_playlist(app: App, form: Rename) -> None:
    name = form.name.strip()
    try:
        if not name:
            raise BadRequest("Give the playlist a name.")
        await app.state.services.openwhyd.rename_playlist(form.playlist, name)
    except ApiError as error:
        await refuse(app, "rename", error, form_values(form))
        return
    await app.refresh()
    app.page.focus("playlist-title")
    announce(app, f"The playlist is now called {name}.")


async def delete_playlist(app: App, deleted: OwnPlaylist) -> None:
    try:
        me = app.state.session.openwhyd_me()
        await app.state.services.openwhyd.delete_playlist(deleted.playlist)
    except ApiError as error:
        await refuse(app, "playlist", error)
        return
    app.go(href("profile-playlists", user=profile_name(me)))
    announce(app, "The playlist is deleted; its tracks stay on your profile.")


async def move_track(app: App, move: TrackMove) -> None:
    """Saved at once."""
    tracks = app.state.lists.get(move.list_key, ())
    start, end = move.start, move.end
    if start == end or not (0 <= start < len(tracks) and 0 <= end < len(tracks)):
        return
    order = moved(tracks, start, end)
    try:
        await app.state.services.openwhyd.reorder_playlist(move.playlist, [track.id for track in order])
    except ApiError as error:
        await refuse(app, "playlist", error)
        return
    await app.refresh()
    app.page.focus(f"move-{focus_after_move(start, end, len(order))}-{order[end].id}")
    announce(app, f"{order[end].name or 'The track'} is now at position {end + 1} of {len(order)}.")


async def set_image(app: App, form: OwnPlaylist) -> None:
    """Upload the picked picture and make it the playlist's."""
    client = app.state.services.openwhyd
    try:
        me = app.state.session.openwhyd_me()
        name, content, media_type = await picked_picture(app.ports.files, IMAGE_INPUT)
        uploaded = await client.upload_image(name, content, media_type)
        await client.set_playlist_image(form.playlist, uploaded.path)
    except FieldProblem as problem:
        await refuse(app, "image", BadRequest(problem.message))
        return
    except ApiError as error:
        await refuse(app, "image", error)
        return
    versions = app.state.image_versions
    key = playlist_key(me.id, form.playlist)
    versions[key] = versions.get(key, 0) + 1
    await app.refresh()
    app.page.focus("playlist-title")
    announce(app, "The playlist's image is saved.")


ACTIONS: Actions = {
    "set-playlist-image": Action(set_image, OwnPlaylist, form="image"),
    "rename-playlist": Action(rename_playlist, Rename, form="rename"),
    "delete-playlist": Action(delete_playlist, OwnPlaylist, form="playlist"),
    "move-track": Action(move_track, TrackMove, form="playlist"),
    **export_menu.ACTIONS,
}
