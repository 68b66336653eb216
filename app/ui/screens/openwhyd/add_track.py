"""Posting a track from a pasted link. The link is checked first, in the location
(`#/add?url=…`, so the bookmarklet can open it), then the track is titled (a title suggested by
its site or its link) and put in no playlist, one of yours, or a new one. The bookmarklet adds
`name` (the title it found), `ctx=bk` and the page it was used on (`refUrl`, `refTtl`), which the
post carries as Openwhyd's bookmarklet sends them (reference §6.4)."""

import asyncio
from dataclasses import dataclass

from app.api.errors import ApiError, BadRequest
from app.openwhyd.eid import AUDIO_EXTENSIONS, eid_from_url, url_from_eid
from app.openwhyd.models import Playlist
from app.player.sources import SOURCE_NAMES
from app.ui.components.feedback import announce, refuse
from app.ui.components.playlist_choice import chosen_playlist
from app.ui.core.app import App
from app.ui.core.payloads import form_values, named
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen, load_failed, sign_in_first
from app.ui.core.session import profile_name
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render
from app.ui.screens.openwhyd.track import source_of

FORM = "add"
TITLE_FIELD = "add-name"
"""The title's own refusal sits under the title field, as the form's `TITLE_FIELD-error`."""
CONTEXTS = ("bk",)
"""Where an added track may say it came from (`ctx`): the bookmarklet."""
CARRIED = ("ctx", "refUrl", "refTtl")
"""What the bookmarklet puts in the location that both forms carry on to the post."""
TITLE = "Add a track · Tonearm"
SOURCES = (
    f"links to tracks on {', '.join(SOURCE_NAMES.values())}, "
    f"and to audio files ({', '.join(extension[1:] for extension in AUDIO_EXTENSIONS)})"
)
SOURCES_HELP = f"Tonearm takes {SOURCES}."
UNSUPPORTED = f"Tonearm cannot play what this link points to: it takes {SOURCES}."


async def no_playlists() -> list[Playlist]:
    return []


async def no_title() -> str:
    return ""


async def suggested_title(state: AppState, match: Match, eid: str) -> str:
    """The bookmarklet's title, else the one the track's site or link suggests."""
    given = match.query.get("name", "").strip()
    return given or await state.services.titles.suggest(eid)


async def show(match: Match, state: AppState) -> Screen:
    me = state.session.openwhyd_user
    if me is None:
        reason = "Sign in to post tracks to your profile and playlists."
        return sign_in_first(TITLE, "Add a track", href("add-track", match.query), reason)
    url = match.query.get("url", "").strip()
    eid = eid_from_url(url) if url else None
    notice, title_notice = state.take_notice(FORM), state.take_notice(TITLE_FIELD)
    refused = notice or title_notice
    try:
        playlists, name = await asyncio.gather(
            state.services.openwhyd.user_playlists(me.id) if eid else no_playlists(),
            suggested_title(state, match, eid) if eid and not refused else no_title(),
        )
    except ApiError as error:
        return load_failed(TITLE, "Your playlists could not be loaded", error.message)
    values = refused.values if refused else {"name": name, "playlist": match.query.get("pl", "")}
    markup = render(
        "add_track.html",
        form=FORM,
        notice=notice,
        title_notice=title_notice,
        values=values,
        url=url,
        eid=eid,
        source=source_of(eid)[0] if eid else "",
        source_url=url_from_eid(eid) if eid else "",
        playlists=playlists,
        pl=match.query.get("pl", ""),
        carried=carried(match.query),
        sources_help=SOURCES_HELP,
        unsupported=UNSUPPORTED,
    )
    return Screen(TITLE, markup, focus="add-name" if eid else "add-url")


def carried(query: dict[str, str]) -> dict[str, str]:
    """The bookmarklet's part of the location, a context only if it is one Openwhyd knows."""
    found = {key: query[key] for key in CARRIED if query.get(key)}
    if found.get("ctx") not in CONTEXTS:
        found.pop("ctx", None)
    return found


@dataclass(frozen=True)
class Found:
    """Where the link was found, as the bookmarklet says it (`CARRIED`)."""

    ctx: str = ""
    ref_url: str = named("refUrl", default="")
    ref_title: str = named("refTtl", default="")


@dataclass(frozen=True)
class Link(Found):
    """The link to check, and the playlist the location proposed (`pl`)."""

    url: str = ""
    pl: str = ""


@dataclass(frozen=True)
class NewTrack(Found):
    url: str = ""
    name: str = ""
    playlist: str = ""
    new_playlist: str = ""


async def check_link(app: App, form: Link) -> None:
    query = {key: value.strip() for key, value in form_values(form).items() if value.strip()}
    app.go(href("add-track", query))


async def add_track(app: App, form: NewTrack) -> None:
    client = app.state.services.openwhyd
    name = form.name.strip()
    if not name:
        await refuse(app, TITLE_FIELD, BadRequest("Give the track a title."), form_values(form))
        return
    try:
        me = app.state.session.openwhyd_me()
        eid = eid_from_url(form.url)
        if eid is None:
            raise BadRequest(UNSUPPORTED)
        choice = chosen_playlist(form.playlist, form.new_playlist, await client.user_playlists(me.id))
        track = await client.add_track(
            eid,
            name,
            playlist=choice.existing,
            new_playlist=choice.new_name,
            context=form.ctx if form.ctx in CONTEXTS else None,
            source_url=form.ref_url or None,
            source_title=form.ref_title,
        )
    except ApiError as error:
        await refuse(app, FORM, error, form_values(form))
        return
    if track.playlist:
        app.go(href("playlist", user=profile_name(me), n=str(track.playlist.id)))
        announce(app, f"{name} is added to {track.playlist.name}.")
    else:
        app.go(href("track", id=track.id))
        announce(app, f"{name} is added to your profile.")


ACTIONS: Actions = {
    "check-track-link": Action(check_link, Link),
    "add-track": Action(add_track, NewTrack, form=FORM),
}
