"""One's own account: the profile, the pictures, the email and the password, each saved on its own.

A refusal shows beside its form without drawing the form again, so what was typed stays. A saved
profile shows in the header before the server answers, and is set back to what the server holds
if it refuses.
"""

import base64
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from app.api.errors import ApiError, AuthRequired
from app.openwhyd import account_forms
from app.openwhyd.account_forms import LINK_SITES, FieldProblem
from app.openwhyd.client import OpenwhydClient
from app.openwhyd.models import User
from app.ui.components.picked import picked_file, picked_picture
from app.ui.core.app import App
from app.ui.core.form_feedback import tell
from app.ui.core.payloads import NoData, form_values
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen, load_failed, sign_in_first
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.core.templates import render
from app.ui.screens.openwhyd import lastfm
from app.ui.screens.openwhyd.account_fields import Email, PasswordChange, Profile

TITLE = "Settings · Tonearm"
ROUTE = "settings"
PROFILE, EMAIL, PASSWORD = "profile", "contact", "password"
PROFILE_WORDS = (("username", "handle"), ("name", "name"), ("bio", "bio"), ("loc", "location"))
PASSWORD_WORDS = (("current", "current"), ("password", "new"))
"""Which field a message of the service is about, by the words it uses."""


@dataclass(frozen=True)
class Picture:
    """A picture of the profile: its form, what it is called, and the client call that sets it."""

    form: str
    label: str
    save: Callable[[OpenwhydClient, str, bytes, str], Awaitable[User]]


PICTURES = {
    "avatar": Picture("avatar", "profile picture", lambda client, *file: client.set_avatar(*file)),
    "cover": Picture("cover", "cover", lambda client, *file: client.set_cover(*file)),
}


def sign_in_prompt() -> Screen:
    reason = "Sign in to change your profile, your pictures, your email or your password."
    return sign_in_first(TITLE, "Settings", href(ROUTE), reason)


async def show(match: Match, state: AppState) -> Screen:
    if state.session.openwhyd_user is None:
        return sign_in_prompt()
    client = state.services.openwhyd
    try:
        me = await client.me()
    except AuthRequired:
        state.session.openwhyd_user = None
        return sign_in_prompt()
    except ApiError as error:
        return load_failed(TITLE, "Your settings could not be loaded", error.message)
    state.session.openwhyd_user = me  # the header follows what the server holds
    links = [(site, label, me.links.get(site, "")) for site, label in LINK_SITES]
    markup = render(
        "settings.html",
        me=me,
        links=links,
        profile=href("profile", user=me.handle or me.id),
        avatar=client.resource_url(me.image) or client.user_image_url(me.id),
        cover=client.resource_url(me.cover_image),
        picture_types=account_forms.PICTURE_TYPES,
        lastfm_state=lastfm.state_of(me),
        lastfm_connect=client.lastfm_connect_url(),
    )
    return Screen(TITLE, markup)


async def saved(app: App, form: str, user: User, message: str) -> None:
    """The server's copy of the profile shown everywhere, and the confirmation beside `form`;
    nothing if the user signed out meanwhile."""
    if app.state.session.openwhyd_user is None:
        return
    app.state.session.openwhyd_user = user
    app.render_chrome()
    if app.still_on(ROUTE):
        await app.refresh()
        tell(app.page, form, message, ok=True)


def refused(app: App, form: str, message: str, field: str) -> None:
    if app.still_on(ROUTE):
        tell(app.page, form, message, focus=f"{form}-{field}")


async def _update(client: OpenwhydClient, changes: dict[str, Any]) -> User:
    """The handle first, on its own: it is what the server refuses most, and then nothing else
    has changed either (Openwhyd keeps every field it accepted, even when it refuses one)."""
    rest = dict(changes)
    if "handle" in rest:
        user = await client.update_profile(handle=rest.pop("handle"))
    if rest:
        user = await client.update_profile(**rest)
    return user


async def _server_copy(client: OpenwhydClient, fallback: User) -> User:
    try:
        return await client.me()
    except ApiError:
        return fallback


async def save_profile(app: App, form: Profile) -> None:
    client = app.state.services.openwhyd
    try:
        before = app.state.session.openwhyd_me()
        changes = account_forms.profile_changes(before, form_values(form))
    except FieldProblem as problem:
        refused(app, PROFILE, problem.message, problem.field)
        return
    except ApiError as error:
        refused(app, PROFILE, error.message, "name")
        return
    if not changes:
        tell(app.page, PROFILE, "Nothing to save: the profile is as it was.", ok=True)
        return
    optimistic = account_forms.with_changes(before, changes)
    app.state.session.openwhyd_user = optimistic
    app.render_chrome()
    try:
        user = await _update(client, changes)
    except ApiError as error:
        if app.state.session.openwhyd_user is optimistic:  # not signed out meanwhile
            app.state.session.openwhyd_user = await _server_copy(client, before)
            app.render_chrome()
        refused(app, PROFILE, error.message, account_forms.field_about(error.message, PROFILE_WORDS, "name"))
        return
    await saved(app, PROFILE, user, "Your profile is saved.")


async def save_email(app: App, form: Email) -> None:
    try:
        user = await app.state.services.openwhyd.update_profile(email=account_forms.email(form_values(form)))
    except FieldProblem as problem:
        refused(app, EMAIL, problem.message, problem.field)
        return
    except ApiError as error:
        refused(app, EMAIL, error.message, "email")
        return
    await saved(app, EMAIL, user, "Your email is saved.")


async def save_password(app: App, form: PasswordChange) -> None:
    client = app.state.services.openwhyd
    try:
        me = app.state.session.openwhyd_me()
        current, new = account_forms.password_change(form_values(form))
        await client.change_password(current, new)
    except FieldProblem as problem:
        refused(app, PASSWORD, problem.message, problem.field)
        return
    except ApiError as error:
        field = account_forms.field_about(error.message, PASSWORD_WORDS, "current")
        refused(app, PASSWORD, error.message, field)
        return
    await saved(app, PASSWORD, me, "Your password is changed.")


def preview(picture: Picture) -> Action[NoData]:
    """What picking a file does: check that it is a picture and show it, before anything is sent."""

    async def show_preview(app: App, _: NoData) -> None:
        try:
            chosen = await picked_file(app.ports.files, f"{picture.form}-file")
            media_type = account_forms.picture_type("file", chosen[1]) if chosen else ""
        except FieldProblem as problem:
            if app.still_on(ROUTE):
                app.page.set_html(f"{picture.form}-preview", "")
                refused(app, picture.form, problem.message, problem.field)
            return
        if not app.still_on(ROUTE):
            return
        app.page.set_html(f"{picture.form}-feedback", "")
        markup = ""
        if chosen:
            source = f"data:{media_type};base64,{base64.b64encode(chosen[1]).decode()}"
            markup = render("settings_preview.html", picture=picture, file_name=chosen[0], source=source)
        app.page.set_html(f"{picture.form}-preview", markup)

    return Action(show_preview)


def upload(picture: Picture) -> Action[NoData]:
    """Send the picked picture and make it the profile's."""

    async def save_picture(app: App, _: NoData) -> None:
        try:
            name, content, media_type = await picked_picture(app.ports.files, f"{picture.form}-file")
            user = await picture.save(app.state.services.openwhyd, name, content, media_type)
        except FieldProblem as problem:
            refused(app, picture.form, problem.message, problem.field)
            return
        except ApiError as error:
            refused(app, picture.form, error.message, "file")
            return
        await saved(app, picture.form, user, f"Your {picture.label} is saved.")

    return Action(save_picture)


async def remove_cover(app: App, _: NoData) -> None:
    try:
        user = await app.state.services.openwhyd.remove_cover()
    except ApiError as error:
        refused(app, "cover", error.message, "file")
        return
    await saved(app, "cover", user, "Your cover is removed.")


ACTIONS: Actions = {
    "settings-save-profile": Action(save_profile, Profile, form=PROFILE),
    "settings-save-email": Action(save_email, Email, form=EMAIL),
    "settings-save-password": Action(save_password, PasswordChange, form=PASSWORD),
    "settings-remove-cover": Action(remove_cover),
    **{f"settings-pick-{kind}": preview(picture) for kind, picture in PICTURES.items()},
    **{f"settings-save-{kind}": upload(picture) for kind, picture in PICTURES.items()},
    **lastfm.actions(saved, refused),
}
