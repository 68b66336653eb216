"""One version of a patch: what hvcc said, naming object, file and position, and its targets.

Downloads go through the client, which sends the token in a header, and reach the user as a
file the page hands over: a link with the token in it would leak it to history and logs.
"""

from dataclasses import dataclass

from app.api.errors import ApiError, BadRequest, NotFound, ServerError
from app.heavy.downloads import downloads, unavailable
from app.heavy.web_build import play_link
from app.ui.core.app import App
from app.ui.core.router import Match
from app.ui.core.screen import Screen
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.screens.heavy.studio import byte_size, failure, not_there, render_studio

REFUSED_TARGET = (BadRequest, NotFound, ServerError)
"""How the service answers a target it cannot build (422, 404, 501): not available here."""


async def show(match: Match, state: AppState) -> Screen:
    owner, name, number = match.params["owner"], match.params["patch"], match.params["n"]
    try:
        job = await state.services.heavy.job(owner, name, number)
    except NotFound:
        return not_there(match, state, f"version {number} of {owner}/{name}")
    except ApiError as error:
        return Screen(f"{name} · heavy · Tonearm", failure("This version could not be loaded", error, state))
    markup = render_studio(
        "heavy_version.html",
        owner=owner,
        patch=name,
        job=job,
        platforms=downloads(name, job),
        unavailable=unavailable(job),
        play=play_link(owner, name, job),
    )
    return Screen(f"{name} version {job.index} · heavy · Tonearm", markup)


@dataclass(frozen=True)
class Target:
    """A target's Download button: what made it, its cell, where it is and the file to save."""

    generator: str
    slug: str
    url: str
    file: str


async def download(app: App, target: Target) -> None:
    generator, cell = target.generator, f"target-{target.slug}"
    app.page.set_text("download-status", f"Downloading {generator}…")
    try:
        archive = await app.state.services.heavy.download(target.url)
    except REFUSED_TARGET as error:
        app.page.set_text(cell, f"Not available here: {error.message}")
        app.page.set_text("download-status", f"{generator} is not available here: {error.message}")
        return
    except ApiError as error:
        app.page.set_text("download-status", f"{generator} could not be downloaded: {error.message}")
        return
    app.ports.downloads.save(target.file, archive, "application/zip")
    app.page.set_text(cell, byte_size(len(archive)))
    app.page.set_text("download-status", f"Saved {target.file}, {byte_size(len(archive))}.")


ACTIONS: Actions = {"heavy-download": Action(download, Target)}
