"""Importing a track list (a file, or pasted links) into a new playlist or one of yours: first a
preview of what will be posted and of what cannot be played, then the posting with its progress,
then what was added, skipped and failed. The import lives in the app's state between these steps,
so a retry picks up where it stopped."""

import asyncio
from dataclasses import dataclass

from app.api.errors import ApiError, BadRequest
from app.openwhyd.eid import url_from_eid
from app.openwhyd.import_formats import UnreadableList, read_list
from app.openwhyd.import_plan import MAX_FILE_BYTES, MAX_TRACKS, plan_import, title_from_file_name
from app.openwhyd.import_post import ImportPoster, ImportRun
from app.openwhyd.models import Playlist
from app.ui.components.export_menu import service_url
from app.ui.components.feedback import announce, refuse
from app.ui.components.playlist_choice import NEW
from app.ui.core.app import App
from app.ui.core.payloads import NoData, form_values
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen, load_failed, sign_in_first
from app.ui.core.session import profile_name
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render
from app.ui.core.wording import counted
from app.ui.screens.openwhyd.track import source_of

FORM = "import"
FILE_INPUT = "import-file"
TITLE = "Import a playlist · Tonearm"
FIRST_ROWS = 10
"""Tracks the preview shows before the count of the rest."""
LISTED_PROBLEMS = 200
"""Entries left out, failed tracks: the most the screen lists, then how many more."""
FILE_TYPES = ".m3u,.m3u8,.xspf,.csv,.json,.txt"


def current_run(state: AppState) -> ImportRun | None:
    """The import in hand, if it is the signed-in user's."""
    me, run = state.session.openwhyd_user, state.importing
    return run if run is not None and me is not None and run.user_id == me.id else None


def stage(run: ImportRun | None) -> str:
    if run is None:
        return "choose"
    if run.running:
        return "posting"
    if run.posted or run.failed or run.stopped:
        return "summary"
    return "preview"


def rows(run: ImportRun) -> list[dict[str, str]]:
    return [
        {
            "place": track.place,
            "name": track.name,
            "source": source_of(track.eid)[0],
            "url": url_from_eid(track.eid) or "",
        }
        for track in run.plan.tracks[:FIRST_ROWS]
    ]


def failures(run: ImportRun) -> list[dict[str, str]]:
    tracks = run.plan.tracks
    return [
        {"place": tracks[i].place, "name": tracks[i].name, "reason": run.failed[i]}
        for i in sorted(run.failed)
    ]


async def show(match: Match, state: AppState) -> Screen:
    me = state.session.openwhyd_user
    if me is None:
        reason = "Sign in to import a playlist into your profile."
        return sign_in_first(TITLE, "Import a playlist", href("import", match.query), reason)
    run = current_run(state)
    try:
        playlists = await state.services.openwhyd.user_playlists(me.id) if run is None else []
    except ApiError as error:
        return load_failed(TITLE, "Your playlists could not be loaded", error.message)
    notice = state.take_notice(FORM)
    values = notice.values if notice else {"playlist": match.query.get("pl", NEW)}
    markup = render(
        "import.html",
        form=FORM,
        notice=notice,
        values=values,
        stage=stage(run),
        run=run,
        rows=rows(run) if run else [],
        failures=failures(run) if run else [],
        playlists=playlists,
        new=NEW,
        me=profile_name(me),
        file_types=FILE_TYPES,
        max_tracks=MAX_TRACKS,
        max_megabytes=MAX_FILE_BYTES // (1024 * 1024),
        listed=LISTED_PROBLEMS,
    )
    return Screen(TITLE, markup, focus="import-title")


@dataclass(frozen=True)
class ImportForm:
    """The pasted links (when no file is picked), and where the tracks go."""

    links: str = ""
    playlist: str = NEW
    new_playlist: str = ""


def target(form: ImportForm, playlists: list[Playlist]) -> tuple[Playlist | None, str]:
    """The playlist of mine chosen, or None and the new playlist's name ("" for the file's)."""
    if form.playlist == NEW:
        return None, form.new_playlist.strip()
    chosen = next((p for p in playlists if str(p.id) == form.playlist), None)
    if chosen is None:
        raise BadRequest("That playlist does not exist any more; choose another one.")
    return chosen, ""


async def read_source(app: App, form: ImportForm) -> tuple[str, bytes]:
    """The picked file's name and bytes, else the pasted links'."""
    picked = await app.ports.files.picked(FILE_INPUT, MAX_FILE_BYTES)
    if picked is None:
        raise BadRequest(f"This file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB: split it.")
    if picked:
        return next(iter(picked.items()))
    content = form.links.strip().encode()
    if not content:
        raise BadRequest("Pick a file, or paste links, one per line.")
    if len(content) > MAX_FILE_BYTES:
        raise BadRequest(f"These links come to more than {MAX_FILE_BYTES // (1024 * 1024)} MB: paste fewer.")
    return "", content


async def preview(app: App, form: ImportForm) -> None:
    """Read and plan the list; nothing is sent."""
    try:
        me = app.state.session.openwhyd_me()
        chosen, new_name = target(form, await app.state.services.openwhyd.user_playlists(me.id))
        name, content = await read_source(app, form)
        plan = plan_import(read_list(name, content), service_url(app), title_from_file_name(name))
    except UnreadableList as problem:
        await refuse(app, FORM, BadRequest(str(problem)), form_values(form))
        return
    except ApiError as error:
        await refuse(app, FORM, error, form_values(form))
        return
    app.state.importing = ImportRun(plan, me.id, chosen.ref if chosen else None, new_name or plan.title)
    await app.refresh()
    app.page.focus("import-title")


def show_progress(app: App, run: ImportRun, saying: str) -> None:
    """The progress bar and counts, in place: the screen is not drawn again for each track."""
    done = len(run.posted)
    app.page.set_value("import-bar", str(done))
    app.page.set_text("import-count", f"{done} of {run.total} posted")
    app.page.set_text("import-status", saying)


async def post_tracks(app: App, _: NoData) -> None:
    """Post what the import has not posted yet (its first run, or a retry)."""
    run = current_run(app.state)
    if run is None or run.running or run.finished or run.plan.too_many:
        return
    run.running = True
    await app.refresh()
    poster = ImportPoster(app.state.services.openwhyd, asyncio.sleep, lambda r, s: show_progress(app, r, s))
    await poster.run(run)
    if app.still_on("import"):
        await app.refresh()
        app.page.focus("import-title")
    announce(app, f"Import: {counted(len(run.posted), 'track')} added of {run.total}.")


async def cancel(app: App, _: NoData) -> None:
    run = current_run(app.state)
    if run is not None and run.running:
        run.cancelled = True
        app.page.set_text("import-status", "Cancelling after this track…")


async def start_over(app: App, _: NoData) -> None:
    """Put the import away (a running one keeps going only until its next track)."""
    run = app.state.importing
    if run is not None:
        run.cancelled = True
    app.state.importing = None
    await app.refresh()
    app.page.focus("import-title")


ACTIONS: Actions = {
    "import-preview": Action(preview, ImportForm, form=FORM),
    "import-post": Action(post_tracks),
    "import-cancel": Action(cancel),
    "import-start-over": Action(start_over),
}
