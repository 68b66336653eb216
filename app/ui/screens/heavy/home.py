"""The studio's front door: your patches once signed in; before that, the sign-in with a token and
the demo user's public patches, to look around first."""

from dataclasses import dataclass

from app.api.errors import ApiError, NotFound
from app.clock import utc_now
from app.heavy.client import HeavyClient
from app.heavy.token import read_token
from app.ui.components.feedback import refuse
from app.ui.core.app import App
from app.ui.core.router import Match, href
from app.ui.core.screen import Screen
from app.ui.core.state import AppState
from app.ui.core.tasks import Action, Actions
from app.ui.screens.heavy import user as heavy_user
from app.ui.screens.heavy.studio import REMEMBERED_TOKEN, render_studio, use_token

DEMO_USER = "demo"
SIGN_IN = "heavy-sign-in"


async def show(match: Match, state: AppState) -> Screen:
    token = state.session.heavy_token
    if token is not None:
        return await heavy_user.user_screen(state, token.name, match.path)
    patches, problem = [], None
    try:
        patches = await heavy_user.patches_of(state.services.heavy, DEMO_USER)
    except NotFound:
        pass  # a service without the demo world: nothing to show, nothing wrong
    except ApiError as error:
        problem = error.message
    markup = render_studio(
        "heavy_home.html",
        notice=state.take_notice(SIGN_IN),
        next=match.query.get("next", ""),
        demo=DEMO_USER,
        patches=patches,
        problem=problem,
        mine=False,
    )
    return Screen("heavy · Tonearm", markup)


@dataclass(frozen=True)
class SignIn:
    token: str = ""
    remember: str = ""
    """The checkbox's value when it is checked."""
    next: str = ""
    """Where to go once signed in (a `#/…` location), else one's patches."""


async def sign_in(app: App, form: SignIn) -> None:
    """The token is read as the uploader read it, then tried once on the service before it is used."""
    client = app.state.services.heavy
    try:
        token = read_token(form.token, utc_now(app.state.clock))
        await HeavyClient(client.base_url, client.transport, token).user(token.name)
    except ApiError as error:
        await refuse(app, SIGN_IN, error, {"remember": form.remember})
        return
    use_token(app.state, token)
    app.ports.storage.store(REMEMBERED_TOKEN, token.value if form.remember else "")
    app.render_chrome()
    app.go(form.next if form.next.startswith("#/") else href("heavy-user", user=token.name))


ACTIONS: Actions = {"heavy-sign-in": Action(sign_in, SignIn, form=SIGN_IN), **heavy_user.ACTIONS}
"""With the user screen's, which this one shows once signed in."""
