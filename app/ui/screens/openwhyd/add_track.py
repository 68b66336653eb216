"""Posting a track from a pasted link. The link is checked first, in the location
(`#/add?url=…`, so a bookmarklet can open it), then the track is titled and put in no playlist,
one of yours, or a new one."""

from dataclasses import dataclass
from urllib.parse import unquote

from app.api.errors import ApiError, BadRequest
from app.openwhyd.eid import AUDIO_EXTENSIONS, AUDIO_FILE, eid_from_url, source_kind, url_from_eid
from app.player.sources import SOURCE_NAMES
from app.ui.components.feedback import announce, refuse
from app.ui.components.playlist_choice import chosen_playlist
from app.ui.core.app import App
from app.ui.core.payloads import form_values
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen, load_failed
from app.ui.core.session import profile_name
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render
from app.ui.screens.openwhyd.track import source_of

FORM = "add"
TITLE = "Add a track · Tonearm"
SOURCES = (
    f"links to tracks on {', '.join(SOURCE_NAMES.values())}, "
    f"and to audio files ({', '.join(extension[1:] for extension in AUDIO_EXTENSIONS)})"
)
SOURCES_HELP = f"Tonearm takes {SOURCES}."
UNSUPPORTED = f"Tonearm cannot play what this link points to: it takes {SOURCES}."


def title_guess(eid: str) -> str:
    """An audio file's name is the only title a link carries offline: other sources keep theirs on
    their own sites, which Tonearm does not call."""
    if source_kind(eid) != AUDIO_FILE:
        return ""
    stem = unquote(eid.rsplit("/", 1)[-1]).rsplit(".", 1)[0]
    return " ".join(stem.replace("_", " ").replace("-", " ").split()).capitalize()


async def show(match: Match, state: AppState) -> Screen:
    me = state.session.openwhyd_user
    if me is None:
        prompt = render(
            "sign_in_prompt.html",
            title="Add a track",
            next=href("add-track", match.query),
            reason="Sign in to post tracks to your profile and playlists.",
        )
        return Screen(TITLE, prompt)
    url = match.query.get("url", "").strip()
    eid = eid_from_url(url) if url else None
    try:
        playlists = await state.services.openwhyd.user_playlists(me.id) if eid else []
    except ApiError as error:
        return load_failed(TITLE, "Your playlists could not be loaded", error.message)
    notice = state.take_notice(FORM)
    guessed = {"name": title_guess(eid or ""), "playlist": match.query.get("pl", "")}
    values = notice.values if notice else guessed
    markup = render(
        "add_track.html",
        form=FORM,
        notice=notice,
        values=values,
        url=url,
        eid=eid,
        source=source_of(eid)[0] if eid else "",
        source_url=url_from_eid(eid) if eid else "",
        playlists=playlists,
        pl=match.query.get("pl", ""),
        sources_help=SOURCES_HELP,
        unsupported=UNSUPPORTED,
    )
    return Screen(TITLE, markup, focus="add-name" if eid else "add-url")


@dataclass(frozen=True)
class Link:
    """The link to check, and the playlist the location proposed (`pl`)."""

    url: str = ""
    pl: str = ""


@dataclass(frozen=True)
class NewTrack:
    url: str = ""
    name: str = ""
    playlist: str = ""
    new_playlist: str = ""


async def check_link(app: App, form: Link) -> None:
    query = {key: value.strip() for key, value in form_values(form).items() if value.strip()}
    app.go(href("add-track", query))


async def add_track(app: App, form: NewTrack) -> None:
    client = app.state.services.openwhyd
    try:
        me = app.state.session.openwhyd_me()
        eid = eid_from_url(form.url)
        name = form.name.strip()
        if eid is None:
            raise BadRequest(UNSUPPORTED)
        if not name:
            raise BadRequest("Give the track a title.")
        choice = chosen_playlist(form.playlist, form.new_playlist, await client.user_playlists(me.id))
        track = await client.add_track(eid, name, playlist=choice.existing, new_playlist=choice.new_name)
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
