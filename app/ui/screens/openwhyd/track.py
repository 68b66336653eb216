"""One track (Openwhyd's `/c/:id`): who posted, liked and reposted it, and its comments; liking,
reposting into a playlist, commenting and deleting happen here too."""

import asyncio
from dataclasses import dataclass

from app.api.errors import ApiError, NotFound
from app.openwhyd.client import OpenwhydClient
from app.openwhyd.eid import source_kind, url_from_eid
from app.openwhyd.models import Playlist, Track, User, UserRef
from app.player.sources import SOURCE_NAMES
from app.ui.components.feedback import announce, refuse
from app.ui.components.mentions import linked_mentions
from app.ui.components.playlist_choice import chosen_playlist
from app.ui.core.app import App
from app.ui.core.payloads import form_values
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen, load_failed, not_found
from app.ui.core.session import profile_name
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render

FORMS = ("track", "comment", "repost")
"""Where this screen shows a refusal: beside the track's own buttons, the comment box, the repost form."""

CONTEXTS = ("hot",)
"""Where a repost may say it came from (`ctx`), as Openwhyd's own pages send it."""


def source_of(eid: str) -> tuple[str, str]:
    """What the track is, and the words of a link to it where it lives."""
    name = SOURCE_NAMES.get(source_kind(eid) or "")
    return (name, f"Open on {name}") if name else ("Audio file", "Open the audio file")


async def signed_in_extras(
    client: OpenwhydClient, track: Track, me: User | None
) -> tuple[list[UserRef], list[Playlist]]:
    """Who liked it, and one's playlists to repost into: Openwhyd names lovers only to the signed in."""
    if me is None:
        return [], []
    lovers, playlists = await asyncio.gather(client.lovers(track.id), client.user_playlists(me.id))
    return lovers, playlists


async def show(match: Match, state: AppState) -> Screen:
    client = state.services.openwhyd
    me = state.session.openwhyd_user
    try:
        track = await client.track(match.params["id"])
        lovers, playlists = await signed_in_extras(client, track, me)
    except NotFound:
        return not_found(match.path)
    except ApiError as error:
        return load_failed("Track · Tonearm", "This track could not be loaded", error.message)
    list_key = f"track:{track.id}"
    state.lists[list_key] = (track,)
    context = match.query.get("ctx", "")
    source, open_source = source_of(track.eid)
    markup = render(
        "track.html",
        track=track,
        me=me,
        lovers=lovers,
        playlists=playlists,
        list_key=list_key,
        image=client.resource_url(track.image),
        source=source,
        open_source=open_source,
        url=url_from_eid(track.eid),
        context=context if context in CONTEXTS else "",
        linked=linked_mentions,
        notices={form: state.take_notice(form) for form in FORMS},
        here=href("track", match.query, id=track.id),
        viewer=state.viewer(),
    )
    return Screen(f"{track.name or 'Track'} · Tonearm", markup)


@dataclass(frozen=True)
class Post:
    """The track (post) a button or form is about, by id."""

    post: str


@dataclass(frozen=True)
class NewComment(Post):
    text: str = ""


@dataclass(frozen=True)
class CommentRef:
    comment: str


@dataclass(frozen=True)
class Repost(Post):
    playlist: str = ""
    new_playlist: str = ""
    ctx: str = ""
    """Where the track was found (one of `CONTEXTS`), or nothing."""


async def toggle_love(app: App, liked: Post) -> None:
    try:
        love = await app.state.services.openwhyd.toggle_love(liked.post)
    except ApiError as error:
        await refuse(app, "track", error)
        return
    app.state.reactions.likes[liked.post] = love
    await app.refresh()
    app.page.focus("like-button")
    announce(app, "You like this track." if love.loved else "You no longer like this track.")


async def add_comment(app: App, form: NewComment) -> None:
    text = form.text.strip()
    try:
        if not text:
            raise ApiError("Write something first.")
        comment = await app.state.services.openwhyd.add_comment(form.post, text)
    except ApiError as error:
        await refuse(app, "comment", error, {"text": text})
        return
    await app.refresh()
    app.page.focus(f"comment-{comment.id}")
    announce(app, "Your comment is posted.")


async def delete_comment(app: App, deleted: CommentRef) -> None:
    try:
        await app.state.services.openwhyd.delete_comment(deleted.comment)
    except ApiError as error:
        await refuse(app, "comment", error)
        return
    await app.refresh()
    app.page.focus("comments-title")
    announce(app, "The comment is deleted.")


async def repost(app: App, form: Repost) -> None:
    client = app.state.services.openwhyd
    try:
        playlists = await client.user_playlists(app.state.session.openwhyd_me().id)
        choice = chosen_playlist(form.playlist, form.new_playlist, playlists)
        await client.repost(
            form.post, playlist=choice.existing, new_playlist=choice.new_name, context=form.ctx or None
        )
    except ApiError as error:
        await refuse(app, "repost", error, form_values(form))
        return
    app.state.reactions.reposted.add(form.post)
    await app.refresh()
    app.page.focus("reposts-title")
    announce(app, "Reposted to your profile.")


async def delete_track(app: App, deleted: Post) -> None:
    try:
        me = app.state.session.openwhyd_me()
        await app.state.services.openwhyd.delete_track(deleted.post)
    except ApiError as error:
        await refuse(app, "track", error)
        return
    app.go(href("profile", user=profile_name(me)))
    announce(app, "The track is deleted.")


ACTIONS: Actions = {
    "toggle-love": Action(toggle_love, Post, form="track"),
    "add-comment": Action(add_comment, NewComment, form="comment"),
    "delete-comment": Action(delete_comment, CommentRef, form="comment"),
    "repost": Action(repost, Repost, form="repost"),
    "delete-track": Action(delete_track, Post, form="track"),
}
