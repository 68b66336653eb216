"""Last.fm on the settings screen (openwhyd-social §5): connect the account the player scrobbles
to, or disconnect it.

Connecting happens in a window of its own on the Openwhyd service, which sends it on to Last.fm's
auth page with the service's key; Last.fm sends it back to the service, whose last page calls
`window.opener.lastFmCallback()` (`WINDOW_CALLS`): the settings then read the account again.
"""

from collections.abc import Awaitable, Callable

from app.api.errors import ApiError
from app.openwhyd.models import User
from app.ui.core.app import App
from app.ui.core.payloads import NoData
from app.ui.core.tasks import Action, Actions

FORM = "lastfm"
CHANGED = "settings-lastfm-changed"
WINDOW_CALLS = {"lastFmCallback": CHANGED}

CONNECTED = "Last.fm is connected."
NOT_CONNECTED = "Last.fm did not connect: please try again."

Saved = Callable[[App, str, User, str], Awaitable[None]]
Refused = Callable[[App, str, str, str], None]


def state_of(user: User) -> str:
    if user.lastfm_user:
        return f"Connected to Last.fm as {user.lastfm_user}: tracks you play to their end are scrobbled."
    return "Last.fm is not connected."


def actions(saved: Saved, refused: Refused) -> Actions:
    """The panel's actions, telling their outcome as the settings screen's other forms do."""

    async def reread(app: App, message: Callable[[User], str]) -> None:
        try:
            user = await app.state.services.openwhyd.me()
        except ApiError as error:
            refused(app, FORM, error.message, "connect")
            return
        await saved(app, FORM, user, message(user))

    async def changed(app: App, _: NoData) -> None:
        await reread(app, lambda user: CONNECTED if user.lastfm_user else NOT_CONNECTED)

    async def disconnect(app: App, _: NoData) -> None:
        try:
            await app.state.services.openwhyd.disconnect_lastfm()
        except ApiError as error:
            refused(app, FORM, error.message, "disconnect")
            return
        await reread(app, lambda user: "Last.fm is disconnected.")

    return {CHANGED: Action(changed), "settings-lastfm-disconnect": Action(disconnect)}
