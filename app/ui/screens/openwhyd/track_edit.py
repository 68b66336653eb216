"""Editing one's own track: its title, its text, and which playlist it is in."""

from dataclasses import dataclass, replace

from app.api.errors import ApiError, BadRequest, NotFound
from app.ui.components.feedback import announce, refuse
from app.ui.components.playlist_choice import chosen_playlist
from app.ui.core.app import App
from app.ui.core.payloads import form_values
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen, load_failed, not_found
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render

FORM = "edit"


async def show(match: Match, state: AppState) -> Screen:
    client = state.services.openwhyd
    me = state.session.openwhyd_user
    try:
        track = await client.track(match.params["id"])
        mine = me is not None and me.id == track.user_id
        playlists = await client.user_playlists(me.id) if me is not None and mine else []
    except NotFound:
        return not_found(match.path)
    except ApiError as error:
        return load_failed("Edit · Tonearm", "This track could not be loaded", error.message)
    notice = state.take_notice(FORM)
    playlist = str(track.playlist.id) if track.playlist else ""
    current = {"name": track.name, "text": track.text, "playlist": playlist}
    markup = render(
        "track_edit.html",
        track=track,
        mine=mine,
        playlists=playlists,
        form=FORM,
        notice=notice,
        values=notice.values if notice else current,
    )
    return Screen(f"Edit {track.name or 'track'} · Tonearm", markup)


@dataclass(frozen=True)
class Edit:
    post: str
    name: str = ""
    text: str = ""
    playlist: str = ""
    new_playlist: str = ""


async def save_track(app: App, form: Edit) -> None:
    """Openwhyd overwrites the whole post on edit, so the stored one is read again and changed."""
    client = app.state.services.openwhyd
    try:
        name = form.name.strip()
        if not name:
            raise BadRequest("Give the track a title.")
        track = await client.track(form.post)
        playlists = await client.user_playlists(app.state.session.openwhyd_me().id)
        choice = chosen_playlist(form.playlist, form.new_playlist, playlists)
        playlist = choice.existing
        if choice.new_name:
            playlist = (await client.create_playlist(choice.new_name)).ref
        await client.edit_track(replace(track, name=name, text=form.text.strip(), playlist=playlist))
    except ApiError as error:
        await refuse(app, FORM, error, form_values(form))
        return
    app.go(href("track", id=track.id))
    announce(app, "Your changes are saved.")


ACTIONS: Actions = {"save-track": Action(save_track, Edit, form=FORM)}
