"""Player events become Openwhyd's calls: a play when a track starts, a failure with its error,
and a scrobble when the track ends by itself."""

import asyncio
import math

import pytest
from canned import scripted

from app.openwhyd.client import OpenwhydClient
from app.openwhyd.models import Track
from app.player.events import Ended, Failure, PlayerEvent, Playing, Progress, Tick
from app.player.failures import TIMED_OUT
from app.player.playlog import CountPlay, Listen, PlayLogCall
from app.player.scrobbles import Scrobble

TRACK = Track(id="p1", eid="/yt/x")
START = 1_700_000_000.0


def calls(listen: Listen, *events: PlayerEvent) -> list[PlayLogCall]:
    made: list[PlayLogCall] = []
    for event in events:
        listen, new = listen.feed(event)
        made.extend(new)
    return made


def played(duration: float, seconds: int, every: float = 1.0) -> list[PlayerEvent]:
    """Playing from the start, and a report every `every` seconds for `seconds` seconds."""
    moments = [n * every for n in range(1, int(seconds / every) + 1)]
    return [
        Playing(at=START, duration=duration),
        *(Progress(at=START + moment, position=moment, duration=duration) for moment in moments),
    ]


def scrobbles(made: list[PlayLogCall]) -> list[Scrobble]:
    return [call for call in made if isinstance(call, Scrobble)]


def test_a_play_is_counted_when_the_track_first_starts() -> None:
    assert calls(Listen(TRACK, scrobbling=False), Playing(at=START, duration=200.5)) == [
        CountPlay("p1", "/yt/x", duration=200.5)
    ]


def test_resuming_after_a_pause_is_not_another_play() -> None:
    made = calls(
        Listen(TRACK, scrobbling=False),
        Playing(at=START),
        Progress(at=START + 1, position=1),
        Playing(at=START + 60),
    )
    assert made == [CountPlay("p1", "/yt/x")]


@pytest.mark.parametrize("unknown", [0.0, math.nan, math.inf])
def test_durations_players_do_not_know_are_not_sent(unknown: float) -> None:
    assert calls(Listen(TRACK, scrobbling=False), Playing(at=START, duration=unknown)) == [
        CountPlay("p1", "/yt/x", duration=None)
    ]


def test_a_failure_is_logged_once_with_its_error() -> None:
    made = calls(
        Listen(TRACK, scrobbling=True),
        TIMED_OUT,
        Failure(code=150, source="yt"),
        Playing(at=START),
        Ended(at=START + 1),
    )
    assert made == [CountPlay("p1", "/yt/x", failure=TIMED_OUT)]


def test_a_failure_after_the_start_is_logged_besides_the_play() -> None:
    broken = Failure(code=5, source="yt")
    made = calls(Listen(TRACK, scrobbling=False), Playing(at=START, duration=90), broken)
    assert made == [CountPlay("p1", "/yt/x", 90), CountPlay("p1", "/yt/x", 90, broken)]


def test_the_clock_alone_logs_nothing() -> None:
    assert calls(Listen(TRACK, scrobbling=True), Tick(START)) == []


def test_a_track_that_ends_by_itself_is_scrobbled_once_from_its_start_time() -> None:
    made = calls(Listen(TRACK, scrobbling=True), *played(duration=200.0, seconds=150), Ended(at=START + 200))
    assert scrobbles(made) == [Scrobble("p1", timestamp=int(START), duration=200.0)]


def test_nothing_is_scrobbled_before_the_end() -> None:
    assert scrobbles(calls(Listen(TRACK, scrobbling=True), *played(duration=600.0, seconds=599))) == []


def test_a_short_track_ends_and_is_scrobbled_as_openwhyd_does_with_no_length_rule() -> None:
    short = [Playing(at=START, duration=3.5), Ended(at=START + 3.5)]
    assert scrobbles(calls(Listen(TRACK, scrobbling=True), *short)) == [Scrobble("p1", int(START), 3.5)]


def test_without_last_fm_nothing_is_scrobbled() -> None:
    whole = [*played(duration=200.0, seconds=200), Ended(at=START + 200)]
    assert scrobbles(calls(Listen(TRACK, scrobbling=False), *whole)) == []


def test_an_end_without_a_start_is_not_scrobbled() -> None:
    assert scrobbles(calls(Listen(TRACK, scrobbling=True), Ended(at=START))) == []


def test_the_duration_can_come_with_the_progress_reports() -> None:
    late = [Playing(at=START), *played(duration=100.0, seconds=60)[1:], Ended(at=START + 100)]
    assert scrobbles(calls(Listen(TRACK, scrobbling=True), *late)) == [Scrobble("p1", int(START), 100.0)]


def test_an_unknown_duration_is_left_out() -> None:
    endless = [Playing(at=START, duration=math.inf), Ended(at=START + 300)]
    assert scrobbles(calls(Listen(TRACK, scrobbling=True), *endless)) == [Scrobble("p1", int(START), None)]


def test_the_calls_go_out_through_the_openwhyd_client_as_the_web_ui_sends_them() -> None:
    transport, sent = scripted(*[{"result": {}}] * 3)
    client = OpenwhydClient("http://h/openwhyd", transport)

    async def send_all() -> None:
        await CountPlay("p1", "/yt/x", 212.0).send(client)
        await CountPlay("p1", "/yt/x", failure=Failure(code=150, source="yt")).send(client)
        await Scrobble("p1", timestamp=1_700_000_000, duration=212.0).send(client)

    asyncio.run(send_all())
    assert [request.json for request in sent] == [
        {"action": "incrPlayCounter", "pId": "p1", "eId": "/yt/x", "duration": 212.0},
        {
            "action": "incrPlayCounter",
            "pId": "p1",
            "eId": "/yt/x",
            "logData": {"err": {"code": 150, "source": "yt"}},
        },
        {"action": "scrobble", "pId": "p1", "timestamp": 1_700_000_000, "trackDuration": 212.0},
    ]
