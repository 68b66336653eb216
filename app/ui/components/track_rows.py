"""Liking and reposting a track from wherever it is listed, and from the player bar. What the
service answers is kept in the state's `Reactions`, so rows drawn later, other rows of the same
track and the player bar all show it; the buttons of the rows in the page are drawn again in
place, keeping the focus where it was."""

from dataclasses import dataclass

from app.api.errors import ApiError
from app.openwhyd.models import Track
from app.player.controller import Change
from app.ui.components.feedback import announce
from app.ui.components.player_bar import player_changed
from app.ui.core.app import App
from app.ui.core.payloads import NoData
from app.ui.core.router import href
from app.ui.core.state import Row
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render_macro

PLAYER_LIKE = "player-like"
PLAYER_REPOST = "player-repost"


@dataclass(frozen=True)
class Part:
    """One of a row's buttons: its macro in `row_actions.html`, and what it says to the signed out."""

    name: str
    ask: str


LIKE = Part("like", "Sign in to like tracks.")
REPOST = Part("repost", "Sign in to repost tracks.")


def listed_track(app: App, row: Row) -> Track | None:
    found = app.state.listed(row)
    if found is None:
        return None
    items, index = found
    item = items[index]
    return item if isinstance(item, Track) else None


def playing_track(app: App) -> Track | None:
    current = app.state.player.current
    item = current.item if current else None
    return item if isinstance(item, Track) else None


def signed_in(app: App, part: Part) -> bool:
    """Whether someone is signed in; if not, the sign-in screen, which comes back here after."""
    if app.state.session.openwhyd_user is not None:
        return True
    app.go(href("login", {"next": app.location}))
    announce(app, part.ask)
    return False


def redraw(app: App, track: Track, part: Part) -> None:
    """The button `part` of every row of `track` in the lists on screen, and the player bar when
    it plays that track."""
    viewer = app.state.viewer()
    for key, items in app.state.lists.items():
        for index, item in enumerate(items):
            if isinstance(item, Track) and item.id == track.id:
                markup = render_macro("row_actions.html", part.name, item, key, index, viewer)
                app.ports.lists.replace(f"{part.name}-{key}-{index}", markup)
    playing = playing_track(app)
    if playing is not None and playing.id == track.id:
        player_changed(app, Change.ALL)


async def love(app: App, track: Track, focus: str) -> None:
    if not signed_in(app, LIKE):
        return
    try:
        result = await app.state.services.openwhyd.toggle_love(track.id)
    except ApiError as error:
        announce(app, f"The like was not saved: {error.message}")
        return
    app.state.reactions.likes[track.id] = result
    redraw(app, track, LIKE)
    app.page.focus(focus)
    name = track.name or "the track"
    announce(app, f"You like {name}." if result.loved else f"You no longer like {name}.")


async def repost(app: App, track: Track, focus: str) -> None:
    """A repost to one's profile, in no playlist; the track page offers a playlist."""
    if not signed_in(app, REPOST):
        return
    name = track.name or "the track"
    if app.state.viewer().reposted(track):
        announce(app, f"You reposted {name} already.")
        return
    try:
        await app.state.services.openwhyd.repost(track.id)
    except ApiError as error:
        announce(app, f"The repost was not saved: {error.message}")
        return
    app.state.reactions.reposted.add(track.id)
    redraw(app, track, REPOST)
    app.page.focus(focus)
    announce(app, f"You reposted {name} to your profile.")


async def row_love(app: App, row: Row) -> None:
    track = listed_track(app, row)
    if track is not None:
        await love(app, track, f"like-{row.list_key}-{row.index}")


async def row_repost(app: App, row: Row) -> None:
    track = listed_track(app, row)
    if track is not None:
        await repost(app, track, f"repost-{row.list_key}-{row.index}")


async def player_love(app: App, _: NoData) -> None:
    track = playing_track(app)
    if track is not None:
        await love(app, track, PLAYER_LIKE)


async def player_repost(app: App, _: NoData) -> None:
    track = playing_track(app)
    if track is not None:
        await repost(app, track, PLAYER_REPOST)


ACTIONS: Actions = {
    "row-love": Action(row_love, Row),
    "row-repost": Action(row_repost, Row),
    "player-love": Action(player_love),
    "player-repost": Action(player_repost),
}
