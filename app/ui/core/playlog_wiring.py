"""Where the player's play log goes. The player decides what to log (`app/player/playlog.py`); this
sends it to Openwhyd (`incrPlayCounter`, scrobbles) for signed-in users only, in the background, and
a call that fails is logged without disturbing the music."""

from collections.abc import Callable
from dataclasses import dataclass

from app.api.errors import ApiError
from app.player.playlog import Calls, PlayLogClient
from app.ui.core.state import Session
from app.ui.core.tasks import spawn


@dataclass(frozen=True)
class PlayLogWiring:
    """The player's `send` and `scrobbling`, for whoever `session` says is signed in."""

    session: Session
    client: PlayLogClient
    report: Callable[[str], None]

    def send(self, calls: Calls) -> None:
        if self.session.openwhyd_user is not None:
            spawn(self._send(calls))

    async def _send(self, calls: Calls) -> None:
        for call in calls:
            try:
                await call.send(self.client)
            except ApiError as error:
                self.report(f"the play log was not saved: {error.message}")

    def scrobbling(self) -> bool:
        """Whether listens go on to Last.fm: for users who linked it."""
        user = self.session.openwhyd_user
        return bool(user and user.lastfm_user)
