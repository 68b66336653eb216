"""The player's play log reaches Openwhyd for signed-in users only, and a call that fails is logged
without stopping the calls after it."""

import asyncio

from app.api.errors import ServerError
from app.openwhyd.models import User
from app.player.playlog import CountPlay
from app.player.scrobbles import Scrobble
from app.ui.core.playlog_wiring import PlayLogWiring
from app.ui.core.state import Session

ME = User("000000000000000000000001", "me")
CALLS = (CountPlay("p1", "/yt/a", 200.0), Scrobble("p1", 1_700_000_000, 200.0))


class Openwhyd:
    def __init__(self, failing: bool = False) -> None:
        self.failing = failing
        self.sent: list[tuple] = []

    async def count_play(self, post_id, track_eid, *, duration=None, error=None) -> None:
        if self.failing:
            raise ServerError("The counter is resting.")
        self.sent.append(("count", post_id, track_eid, duration))

    async def scrobble(self, post_id, *, timestamp, duration) -> None:
        self.sent.append(("scrobble", post_id, timestamp, duration))


def sent(session: Session, client: Openwhyd) -> list[str]:
    reported: list[str] = []

    async def scenario() -> None:
        PlayLogWiring(session, client, reported.append).send(CALLS)
        await asyncio.sleep(0)

    asyncio.run(scenario())
    return reported


def test_plays_of_the_signed_in_are_counted_and_scrobbled() -> None:
    client = Openwhyd()
    assert sent(Session(openwhyd_user=ME), client) == []
    assert client.sent == [("count", "p1", "/yt/a", 200.0), ("scrobble", "p1", 1_700_000_000, 200.0)]


def test_nothing_is_sent_for_someone_signed_out() -> None:
    client = Openwhyd()
    sent(Session(), client)
    assert client.sent == []


def test_a_failed_count_is_logged_and_the_scrobble_still_goes() -> None:
    client = Openwhyd(failing=True)
    assert sent(Session(openwhyd_user=ME), client) == ["the play log was not saved: The counter is resting."]
    assert client.sent == [("scrobble", "p1", 1_700_000_000, 200.0)]


def test_listens_are_scrobbled_for_users_who_linked_lastfm() -> None:
    session = Session()
    wiring = PlayLogWiring(session, Openwhyd(), print)
    assert not wiring.scrobbling()
    session.openwhyd_user = ME
    assert not wiring.scrobbling()
    session.openwhyd_user = User(ME.id, "me", lastfm_user="me_on_lastfm")
    assert wiring.scrobbling()
