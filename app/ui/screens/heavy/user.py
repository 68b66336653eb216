"""A heavy user's patches: the public ones for anyone, the private ones too for the user, who
creates and deletes patches here."""

import asyncio
from dataclasses import dataclass

from app.api.errors import ApiError, BadRequest, NotFound
from app.heavy.client import HeavyClient
from app.heavy.models import Patch
from app.ui.components.feedback import announce, refuse
from app.ui.core.app import App
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen, not_found
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.screens.heavy.studio import failure, render_studio

NEW_PATCH = "heavy-new-patch"
PATCHES = "heavy-patches"
"""Where refusals show: beside the new-patch form, above the list (a delete)."""


async def patches_of(client: HeavyClient, name: str) -> list[Patch]:
    """The patches of `name` that the service shows whoever is signed in, each with its details."""
    user = await client.user(name)
    return list(await asyncio.gather(*(client.patch(*patch_id.split("/", 1)) for patch_id in user.patch_ids)))


async def user_screen(state: AppState, name: str, path: str) -> Screen:
    """Also the studio's landing for the signed-in user."""
    me = state.session.heavy_token
    try:
        patches = await patches_of(state.services.heavy, name)
    except NotFound:
        return not_found(path)
    except ApiError as error:
        failed = failure(f"{name}'s patches could not be loaded", error, state)
        return Screen(f"{name} · heavy · Tonearm", failed)
    mine = me is not None and me.name == name
    markup = render_studio(
        "heavy_user.html",
        user=name,
        patches=patches,
        mine=mine,
        new_patch=state.take_notice(NEW_PATCH),
        refused=state.take_notice(PATCHES),
    )
    return Screen(f"{'Your patches' if mine else name} · heavy · Tonearm", markup)


async def show(match: Match, state: AppState) -> Screen:
    return await user_screen(state, match.params["user"], match.path)


@dataclass(frozen=True)
class NewPatch:
    name: str = ""
    description: str = ""
    visibility: str = "public"


@dataclass(frozen=True)
class PatchRef:
    """A patch's Delete button."""

    owner: str
    patch: str


async def create_patch(app: App, form: NewPatch) -> None:
    name, description, visibility = form.name.strip(), form.description.strip(), form.visibility
    try:
        if not name:
            raise BadRequest("Name the patch: letters, digits, '_' or '-'.")
        patch = await app.state.services.heavy.create_patch(
            name, public=visibility == "public", description=description
        )
    except ApiError as error:
        values = {"name": name, "description": description, "visibility": visibility}
        await refuse(app, NEW_PATCH, error, values)
        return
    app.go(href("heavy-patch", owner=patch.owner, patch=patch.name))


async def delete_patch(app: App, deleted: PatchRef) -> None:
    owner, name = deleted.owner, deleted.patch
    try:
        await app.state.services.heavy.delete_patch(owner, name)
    except ApiError as error:
        await refuse(app, PATCHES, error)
        return
    app.state.uploads.pop(f"{owner}/{name}", None)
    await app.refresh()
    announce(app, f"The patch {name} and its versions were deleted.")
    app.page.focus("main")


ACTIONS: Actions = {
    "heavy-create-patch": Action(create_patch, NewPatch, form=NEW_PATCH),
    "heavy-delete-patch": Action(delete_patch, PatchRef, form=PATCHES),
}
