"""The signed-in user's tokens: labelled, revocable, and a new one shown once, to be copied.

A new token's value goes straight into the page and nowhere else: not into the state, so it
cannot be shown twice, and not into a URL or a log.
"""

from dataclasses import dataclass
from datetime import datetime

from app.api.errors import ApiError, BadRequest
from app.heavy.models import UserToken
from app.heavy.token import HeavyToken
from app.ui.components.feedback import announce, refuse
from app.ui.core.app import App
from app.ui.core.router import Match
from app.ui.core.screen import Screen
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.screens.heavy.studio import failure, render_studio

TITLE = "Your tokens · heavy · Tonearm"
NEW_TOKEN = "heavy-new-token"
TOKENS = "heavy-tokens"
"""Where refusals show: beside the new-token form, above the list (a revocation)."""


def in_use(tokens: list[UserToken], me: HeavyToken) -> str | None:
    """The id of the token this page signs its requests with: the one with its start date."""
    for token in tokens:
        try:
            if token.start_date and datetime.fromisoformat(token.start_date) == me.start_date:
                return token.id
        except ValueError:
            continue
    return None


async def tokens_screen(state: AppState, created: UserToken | None = None) -> Screen:
    me = state.session.heavy_token
    if me is None:
        return Screen(TITLE, render_studio("heavy_sign_in_first.html"))
    try:
        tokens = await state.services.heavy.tokens()
    except ApiError as error:
        return Screen(TITLE, failure("Your tokens could not be loaded", error, state))
    markup = render_studio(
        "heavy_tokens.html",
        tokens=sorted(tokens, key=lambda t: t.created_at or "", reverse=True),
        in_use=in_use(tokens, me),
        created=created,
        new_token=state.take_notice(NEW_TOKEN),
        refused=state.take_notice(TOKENS),
    )
    return Screen(TITLE, markup)


async def show(match: Match, state: AppState) -> Screen:
    return await tokens_screen(state)


@dataclass(frozen=True)
class NewToken:
    label: str = ""


@dataclass(frozen=True)
class Revoked:
    """A token's Revoke button: its id, and its label to say which was revoked."""

    token: str
    label: str = ""


async def create_token(app: App, form: NewToken) -> None:
    label = form.label.strip()
    try:
        if not label:
            raise BadRequest("Give the token a label, such as the machine or tool that will use it.")
        created = await app.state.services.heavy.create_token(label)
    except ApiError as error:
        await refuse(app, NEW_TOKEN, error, {"label": label})
        return
    app.page.set_html("main", (await tokens_screen(app.state, created)).html)
    app.page.focus("new-token")


async def revoke_token(app: App, revoked: Revoked) -> None:
    try:
        await app.state.services.heavy.revoke_token(revoked.token)
    except ApiError as error:
        await refuse(app, TOKENS, error)
        return
    await app.refresh()
    announce(app, f"The token “{revoked.label}” was revoked.")
    app.page.focus("main")


ACTIONS: Actions = {
    "heavy-create-token": Action(create_token, NewToken, form=NEW_TOKEN),
    "heavy-revoke-token": Action(revoke_token, Revoked, form=TOKENS),
}
