"""A patch: its description, its versions newest first, and for its owner the upload box.

Files picked or dropped on the upload box are read, checked, zipped and previewed in Python at
once, so a refusal or an object hvcc cannot convert shows before anything is sent; only the
preview part of the page changes, so the pickers keep what they hold.
"""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from app.api.errors import ApiError, NotFound
from app.clock import Clock, today
from app.heavy.client import HeavyClient
from app.heavy.releases import ReleaseOption, release_options
from app.heavy.web_build import newest_play_link
from app.patches.bundle import MAX_UNPACKED_BYTES, BundleError, BundleTooLarge
from app.patches.upload import Upload, prepare_upload
from app.ui.components.feedback import announce, refuse
from app.ui.core.app import App
from app.ui.core.payloads import NoData
from app.ui.core.ports import Files
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.screens.heavy.studio import failure, not_there, render_studio

SETTINGS = "heavy-patch-settings"
PREVIEW = "upload-preview"
STATUS = "upload-status"
PROBLEM = "upload-problem"


async def releases_offered(client: HeavyClient, clock: Clock) -> tuple[list[ReleaseOption], str | None]:
    """The release picker's options, or why there are none (heavy then picks its newest)."""
    try:
        return release_options(await client.releases(), today(clock)), None
    except ApiError as error:
        return [], f"The list of releases could not be loaded ({error.message}): heavy will use its newest."


async def show(match: Match, state: AppState) -> Screen:
    owner, name = match.params["owner"], match.params["patch"]
    client = state.services.heavy
    me = state.session.heavy_token
    mine = me is not None and me.name == owner
    try:
        patch, jobs = await asyncio.gather(client.patch(owner, name), client.jobs(owner, name))
    except NotFound:
        return not_there(match, state, f"the patch {owner}/{name}")
    except ApiError as error:
        return Screen(f"{name} · heavy · Tonearm", failure("This patch could not be loaded", error, state))
    options, releases_problem = await releases_offered(client, state.clock) if mine else ([], None)
    markup = render_studio(
        "heavy_patch.html",
        patch=patch,
        jobs=jobs,
        mine=mine,
        options=options,
        releases_problem=releases_problem,
        upload=state.uploads.get(patch.id),
        settings=state.take_notice(SETTINGS),
        problem=None,
        compiling=False,
        play=newest_play_link(patch.owner, patch.name, jobs),
    )
    return Screen(f"{patch.name} · heavy · Tonearm", markup)


def patch_key(match: Match) -> str:
    """The patch's id, `owner/name`, which keys its picked files in the state."""
    return f"{match.params['owner']}/{match.params['patch']}"


def show_preview(
    app: App, upload: Upload | None, *, problem: str | None = None, compiling: bool = False
) -> None:
    preview = render_studio("heavy_upload_preview.html", upload=upload, problem=problem, compiling=compiling)
    app.page.set_html(PREVIEW, preview)


def pick(input_id: str) -> Action[NoData]:
    """What a change of the file input `input_id` does: read, check, zip and preview its files."""
    return take_files(lambda files: files.picked(input_id, MAX_UNPACKED_BYTES))


def take_files(read: Callable[[Files], Awaitable[dict[str, bytes] | None]]) -> Action[NoData]:
    """Read files as `read` finds them (picked or dropped), then check, zip and preview them."""

    async def picked(app: App, _: NoData) -> None:
        patch_id = patch_key(app.current)
        app.state.uploads.pop(patch_id, None)
        try:
            picked = await read(app.ports.files)
            if picked is None:
                raise BundleTooLarge(
                    f"These files add up to more than {MAX_UNPACKED_BYTES >> 20} MiB;"
                    " a patch is a few .pd files."
                )
            upload = prepare_upload(picked)
        except BundleError as error:
            show_preview(app, None, problem=str(error))
            app.page.focus(PROBLEM)
            return
        app.state.uploads[patch_id] = upload
        show_preview(app, upload)
        app.page.focus("upload-summary")

    return Action(picked)


@dataclass(frozen=True)
class UploadForm:
    release: str = ""
    """The hvcc release to compile with; none offered: heavy picks its newest."""


async def upload(app: App, form: UploadForm) -> None:
    """Send the picked files and wait for the compile, then show the new version, failed or not."""
    owner, name = app.current.params["owner"], app.current.params["patch"]
    here, patch_id = app.current.path, patch_key(app.current)
    prepared = app.state.uploads.get(patch_id)
    if prepared is None:
        show_preview(app, None, problem="Pick the patch's files first.")
        app.page.focus(PROBLEM)
        return
    show_preview(app, prepared, compiling=True)
    app.page.set_text(STATUS, "Compiling…")
    app.page.focus(STATUS)
    release = form.release or None
    try:
        job = await app.state.services.heavy.compile(owner, name, prepared.bundle, release)
    except ApiError as error:
        if app.current.path == here:
            app.page.set_text(STATUS, "")
            show_preview(app, prepared, problem=error.message)
            app.page.focus(PROBLEM)
        return
    if app.state.uploads.get(patch_id) is prepared:  # not files picked while it compiled
        del app.state.uploads[patch_id]
    if app.current.path == here:
        app.go(href("heavy-version", owner=owner, patch=name, n=str(job.index)))


@dataclass(frozen=True)
class Settings:
    visibility: str = "public"
    description: str = ""


async def save_settings(app: App, form: Settings) -> None:
    owner, name = app.current.params["owner"], app.current.params["patch"]
    description = form.description.strip()
    try:
        await app.state.services.heavy.update_patch(
            owner, name, public=form.visibility == "public", description=description
        )
    except ApiError as error:
        await refuse(app, SETTINGS, error, {"visibility": form.visibility, "description": description})
        return
    await app.refresh()
    announce(app, f"The settings of {name} were saved.")


ACTIONS: Actions = {
    "heavy-patch-settings": Action(save_settings, Settings, form=SETTINGS),
    "heavy-pick-files": pick("upload-files"),
    "heavy-pick-folder": pick("upload-folder"),
    "heavy-drop-files": take_files(lambda files: files.dropped(MAX_UNPACKED_BYTES)),
    "heavy-upload": Action(upload, UploadForm),
}
